import type { PeriodPart } from '../../understanding/entities/period.ts'
import { confirmationText } from './common-texts.ts'

/** Texts of the booking flow (Croatian). */
export const bookingTexts = {
  ask: {
    'start-date': 'Za koji dan trebate vozilo? (npr. "sutra", "u petak", "15.3.")',
    'start-time': 'Od koliko sati? (npr. "od 8", "od 9:30")',
    'end-date': 'Do kojeg dana? (npr. "do srijede", "do 17.3.")',
    'end-time': 'Do koliko sati? (npr. "do 16")',
  } satisfies Record<PeriodPart, string>,
  inPast: 'Taj termin je već prošao, a rezervirati mogu samo ubuduće. Za koji dan trebate vozilo?',
  endBeforeStart: 'Kraj mora biti nakon početka. Do kada trebate vozilo?',
  noSuchTime: 'To vrijeme ne postoji zbog promjene sata. Odaberite drugo vrijeme početka.',
  noneFree: (period: string) =>
    `Nažalost, u terminu ${period} nema slobodnih vozila. Pokušajte s drugim terminom.`,
  offer: (period: string) => `Slobodna vozila (${period}). Koje želite rezervirati?`,
  summary: (vehicle: string, period: string, note: string | undefined) =>
    confirmationText('Rezervacija vozila', [
      `Vozilo: ${vehicle}`,
      `Termin: ${period}`,
      note ? `Bilješka: ${note}` : undefined,
    ]),
  taken: (vehicle: string) => `Nažalost, ${vehicle} je u međuvremenu zauzet u tom terminu.`,
  notFreeThen: (vehicle: string, period: string) =>
    `${vehicle} nije slobodan u terminu ${period}, pa ga ne mogu rezervirati.`,
  plainQuestion: (vehicle: string, period: string) =>
    period ? `da rezerviram ${vehicle} za ${period}` : `da rezerviram ${vehicle}`,
  booked: (vehicle: string, period: string, id: string | undefined) =>
    `Rezervirano ✅\n${vehicle}\n${period}${id ? `\nBroj rezervacije: *${id}*` : ''}`,
}
