import { croatianPlural } from '../../format/croatian-plural.ts'
import type { HttpMethod } from '../../registry/tool.ts'
import { confirmationText } from './common-texts.ts'

const WRITE_ACTIONS: Readonly<Record<HttpMethod, string>> = {
  get: 'Upit',
  post: 'Novi unos',
  put: 'Izmjena',
  patch: 'Izmjena',
  delete: 'Brisanje',
}

/**
 * Texts of the generic tool flows (Croatian). Questions say what is needed in words a person
 * uses; no text here ever carries a parameter's own name.
 */
export const genericTexts = {
  askPeriod: 'Za koje razdoblje? Npr. *ovaj mjesec*, *prošli mjesec* ili *od 1.3. do 15.3.*',
  askSince: 'Od kojeg dana? Npr. *1.3.* ili *prošli tjedan*',
  askDay: 'Za koji dan? Npr. *danas*, *jučer* ili *15.3.*',
  askDate: (label: string) => `Koji datum? (${label}) Npr. *danas* ili *15.3.2026.*`,
  askMonth: 'Za koji mjesec? Npr. *ovaj mjesec*, *veljača* ili *ožujak 2026*',
  askRecordNumber: (ofWhat: string) => `Napišite broj ${ofWhat} (npr. 12).`,
  chooseRecord: (ofWhat: string) => `Odaberite s popisa ili napišite broj ${ofWhat}:`,
  askVehiclePlate: 'Za koje vozilo? Napišite registarsku oznaku, npr. *ZG-1234-AB*.',
  askValue: (label: string, hint: string | undefined) =>
    `Još mi treba podatak: *${label}*${hint ? ` (${hint})` : ''}. Napišite ga, molim.`,
  askYesNo: (label: string) => `*${label}*? Odgovorite s *Da* ili *Ne*.`,
  numberHint: 'broj',
  chooseParameter: (label: string) => `Odaberite s popisa (${label}):`,
  /** A record of something without a Croatian name of its own. */
  recordLabel: 'Zapis',
  /** "Napišite broj zapisa": a record whose kind has no name of its own. */
  recordOf: 'zapisa',
  notUnderstood: (question: string) =>
    `Nisam razumio odgovor. ${question}\nAko ne želite nastaviti, napišite *odustani*.`,
  left: 'U redu, ostavljam taj upit. Recite slobodno što vam treba.',
  vehicleNotFound: (plate: string) =>
    `Ne nalazim vozilo s registarskom oznakom *${plate}*. Provjerite oznaku ili napišite *odustani*.`,
  recordNotFound: 'Ne nalazim taj zapis među vašima. Provjerite broj ili napišite što trebate.',
  unaskable:
    'Za taj upit treba mi podatak koji ovdje ne mogu zatražiti, pa na njega ne mogu odgovoriti. Pokušajte pitati drukčije ili se obratite uredu flote.',
  notRenderable:
    'Na to ne mogu dati razumljiv odgovor iz sustava. Mogu vam reći kilometražu, rokove (registracija, servis) i podatke o leasingu te pokazati vaše rezervacije, slučajeve, putovanja i troškove.',
  /** A driver asked for something only the fleet office sees. */
  fleetOnly: (what: string | undefined) =>
    `To je dostupno voditelju flote${what ? ` (${what} cijele flote)` : ''}; za te podatke obratite se uredu flote. Ja vam mogu pokazati ono što je vaše: vozilo, rezervacije, slučajeve, putovanja i troškove.`,
  /** A driver asked about the fleet's vehicles: theirs, and where the rest is. */
  ownVehiclesInstead: (count: number, labels: readonly string[]) =>
    `Vi imate ${count} ${croatianPlural(count, 'vozilo', 'vozila', 'vozila')}: ${labels.join(', ')}.\n_Podatke o vozilima cijele flote vidi voditelj flote._`,
  /** Under a driver's scoped list when the question asked for everyone's. */
  onlyYours: '_Prikazani su samo vaši podaci; podatke cijele flote vidi voditelj flote._',
  summary: (title: string, lines: string[]) => confirmationText(title, lines),
  done: 'Gotovo ✅',
  empty: 'Nema podataka za prikaz.',
  /** Heading of a write confirmation: what kind of change, and to what. */
  writeTitle: (method: HttpMethod, label: string | undefined) =>
    label ? `${WRITE_ACTIONS[method]}: ${label}` : WRITE_ACTIONS[method],
}
