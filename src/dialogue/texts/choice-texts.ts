import { croatianPlural } from '../../format/index.ts'
import type { FlowName, ShownItemKind } from '../../store/conversation-state.ts'

/** Texts of choosing from a list, of interruptions and of follow-ups (Croatian). */

/** What each kind of item is called: the form after "nemate" and "Za 18.12. nemate …". */
const ITEM_NOUN: Readonly<Record<ShownItemKind, string>> = {
  vehicle: 'vozilo',
  'free-vehicle': 'slobodno vozilo',
  booking: 'rezervaciju',
  case: 'slučaj',
  trip: 'putovanje',
  expense: 'trošak',
  option: 'opciju',
  intent: 'opciju',
}

const NONE_NAMED: Partial<Record<ShownItemKind, string>> = {
  booking: 'Tu rezervaciju nisam pronašao među vašim rezervacijama.',
  case: 'Taj slučaj nisam pronašao među vašim slučajevima.',
  trip: 'To putovanje nisam pronašao među vašim putovanjima.',
}

/** What each kind of item is called on its own ("Rezervacija broj 57 …"). */
const ITEM_NAME: Readonly<Record<ShownItemKind, string>> = {
  vehicle: 'vozilo',
  'free-vehicle': 'vozilo',
  booking: 'rezervacija',
  case: 'slučaj',
  trip: 'putovanje',
  expense: 'trošak',
  option: 'opcija',
  intent: 'opcija',
}

/** The task in progress, as said in "Vraćamo se na …" and "Ostavljam …". */
const FLOW_NAME: Readonly<Record<FlowName, string>> = {
  booking: 'rezervaciju vozila',
  mileage: 'unos kilometraže',
  case: 'prijavu štete',
  'cancel-booking': 'otkazivanje rezervacije',
  'delete-case': 'brisanje slučaja',
  'delete-trip': 'brisanje putovanja',
  read: 'odabir vozila',
  'generic-read': 'upit',
  'generic-write': 'promjenu',
  clarify: 'odabir',
  feedback: 'komentar',
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export const choiceTexts = {
  moreLine: (hidden: number) => `…i još ${hidden} (napišite *još*)`,
  noMore: () => 'To su sve opcije.',
  several: () => 'Na to odgovara više njih. Koju mislite?',
  /** The first unrecognised answer: what works, in one line, without the list again. */
  notRecognised: (count: number) =>
    `Nisam prepoznao koju mislite. Napišite broj (1–${count}), naziv, registraciju ili datum.`,
  /** The second one in a row: the way out, in one short line. */
  wayOut: () => 'Ako ne želite ništa odabrati, napišite *ne*, ili mi recite što trebate.',
  /** Before a question asked again because the answer was not understood. */
  notUnderstoodAgain: () => 'Nisam razumio odgovor.',
  /** The same question a third time: the way out first. */
  wayOutAgain: () => 'Za prekid napišite *odustani*.',
  left: (flow: FlowName | undefined) =>
    flow && flow !== 'clarify'
      ? `U redu, ostavljam ${FLOW_NAME[flow]}. Što još trebate?`
      : 'U redu. Što još trebate?',
  resumeChoice: (question: string, count: number) =>
    count > 1 ? `Vraćamo se na odabir: ${question} (1–${count})` : `Vraćamo se na odabir: ${question}`,
  resume: (flow: FlowName) => `Vraćamo se na ${FLOW_NAME[flow]}:`,
  /** Said before a new request starts while another one waited. */
  dropped: (flow: FlowName) => `${capitalised(FLOW_NAME[flow])} sam prekinuo.`,
  /** A day or time said that none of the items is at. */
  noneAt: (kind: ShownItemKind, when: string) => `Za ${when} nemate ${ITEM_NOUN[kind]}.`,
  noneWithRef: (kind: ShownItemKind, ref: string) =>
    `${capitalised(ITEM_NAME[kind])} broj ${ref} nije među vašima.`,
  noneWithPlate: (plate: string) => `*${plate}* nije na popisu.`,
  notFreeWithPlate: (plate: string) => `Vozilo *${plate}* nije slobodno u tom terminu.`,
  notFreeWithName: (name: string) => `„${name}” nije slobodan u tom terminu.`,
  noneWithName: (name: string) => `„${name}” nije na popisu.`,
  notFreeThen: (name: string) => `Vozilo „${name}” nije slobodno u tom terminu.`,
  /** A record named by words that none of the user's records has. */
  noneNamed: (kind: ShownItemKind) => NONE_NAMED[kind] ?? 'To nisam pronašao na popisu.',
  beyondList: (of: number) => `Na popisu ih je ${of}.`,
  /** What the user does have, after a miss: "Imate: 11.03. 08:00, 14.03. 07:00." */
  youHave: (entries: readonly string[]) => `Imate: ${entries.join('; ')}.`,
  pickFromList: (count: number) => `Napišite broj (1–${count}) ili *ne* za odustajanje.`,
  /** Follow-ups: "koliko je to ukupno" after a list. */
  totalMoney: (amount: string, count: number, of: number) =>
    `Ukupno: *${amount}* (${count} ${croatianPlural(count, 'trošak', 'troška', 'troškova')}${of > count ? ` od ${of}` : ''}).`,
  totalDistance: (km: string, count: number, of: number) =>
    `Ukupno: *${km}* (${count} ${croatianPlural(count, 'putovanje', 'putovanja', 'putovanja')}${of > count ? ` od ${of}` : ''}).`,
  totalCount: (kind: ShownItemKind, count: number) =>
    kind === 'booking'
      ? `Ukupno ${count} ${croatianPlural(count, 'rezervacija', 'rezervacije', 'rezervacija')}.`
      : kind === 'case'
        ? `Ukupno ${count} ${croatianPlural(count, 'slučaj', 'slučaja', 'slučajeva')}.`
        : `Ukupno ${count}.`,
  noOtherVehicle: () => 'Imate samo jedno vozilo.',
}
