import { CONFIRM_NO_ID } from './common-texts.ts'

/** Texts of asking again for a write's consent and of the correction a rollback needs (Croatian). */

export const CONFIRM_CORRECTION_ID = 'confirm:correction'

export const correctionButtons = [
  { id: CONFIRM_CORRECTION_ID, title: 'Ispravak' },
  { id: CONFIRM_NO_ID, title: 'Ne' },
]

export const confirmTexts = {
  /** The first unclear answer: the write asked again in one plain question. */
  askPlainly: (question: string) => `Trebam jasan odgovor: ${question}? Odgovorite s *Da* ili *Ne*.`,
  /** The second unclear answer in a row: nothing is written. */
  droppedUnclear: () =>
    'Bez jasnog *Da* ništa ne mijenjam, pa sam ovaj zahtjev prekinuo. Kad budete sigurni, pošaljite ga ponovno.',
  /** A plain "da" to a reading far below the last one. */
  needsCorrection: (question: string) =>
    `Trebam izričitu potvrdu: ${question}? Za takav ispravak nije dovoljno *Da*: napišite *ispravak* ili ponovno upišite isti broj. Ako broj nije točan, upišite točno stanje ili *ne*.`,
  /** The access policy refused the write before its confirmation. */
  refusedVehicle: () => 'To vozilo nije među vašim vozilima, pa za njega ne mogu ništa upisati.',
  refusedReport: () =>
    'Prijava navodi vozilo koje nije vaše, pa je ne mogu poslati. Opišite štetu bez tuđih tablica.',
  /** Generic question for flows that do not phrase their own. */
  defaultQuestion: () => 'Potvrđujete li ovu promjenu',
}
