/** Texts every flow shares: small talk, help, confirmation, cancel, feedback (Croatian). */

export const CONFIRM_YES_ID = 'confirm:yes'
export const CONFIRM_NO_ID = 'confirm:no'

export const confirmButtons = [
  { id: CONFIRM_YES_ID, title: 'Da' },
  { id: CONFIRM_NO_ID, title: 'Ne' },
]

export const HELP_TEXT = [
  'Mogu vam pomoći s:',
  '• *kilometraža* – "koliko imam km", "unesi 45.000 km"',
  '• *rezervacija* – "trebam auto sutra od 8 do 16", "slobodna vozila u petak"',
  '• *prijava štete ili kvara* – "imam kvar na autu"',
  '• *moji podaci* – "moje rezervacije", "moji slučajevi", "moja putovanja", "troškovi"',
  '• *vozilo* – "tablice", "kad je servis", "kada istječe registracija", "lizing kuća"',
  '• *otkazivanje* – "otkaži rezervaciju", "obriši slučaj"',
  '',
  'U svakom trenutku napišite *odustani* za prekid.',
  'Ako odgovor nije dobar, napišite *krivo*: administratori ga pregledaju i tako učim.',
].join('\n')

const CONFIRM_QUESTION = 'Potvrđujete? (Da/Ne)'

/**
 * What a confirmation shows: a bold title, the lines that will be sent (missing ones left out),
 * and the Da/Ne question after a blank line. Every write flow's summary is built here.
 */
export function confirmationText(title: string, lines: readonly (string | undefined)[]): string {
  const shown = lines.filter((line): line is string => line !== undefined)
  return [`*${title}*`, ...shown, '', CONFIRM_QUESTION].join('\n')
}

function firstName(displayName: string): string {
  // Sandbox and MobilityOne names look like "CODE - Last, First"; greet by the first name.
  const afterComma = displayName.split(',')[1]?.trim()
  const name = afterComma || displayName.split(' - ').pop() || displayName
  return name.trim().split(/\s+/)[0] ?? ''
}

export const commonTexts = {
  greeting: (displayName: string) => {
    const name = firstName(displayName)
    return `Bok${name ? `, ${name}` : ''}! Kako vam mogu pomoći?`
  },
  thanks: () => 'Nema na čemu! Javite se ako trebate još nešto.',
  botIdentity: () =>
    'Ja sam AI asistent za vozače flote (nisam osoba). Mogu pomoći s vozilom, kilometražom, rezervacijama i prijavama štete.',
  ownContext: (name: string, phone: string) => `Vaše ime u sustavu: *${name}*\nPišete s broja *+${phone}*.`,
  outOfScope: () =>
    'Nažalost, u tome ne mogu pomoći: ja sam asistent za vozila flote. Napišite *pomoć* za ono što mogu.',
  acknowledged: () => 'U redu. Javite se ako trebate još nešto.',
  clarify: () => 'Nisam siguran što točno trebate. Odaberite:',
  /** The fallback: at most two lines before the choices. */
  fallbackQuestion: () => 'Nisam siguran što trebate. Mogu pomoći s ovim (ili napišite *pomoć*):',
  goodbye: () => 'Doviđenja! Tu sam kad god zatrebate.',
  help: () => HELP_TEXT,
  onlyText: () => 'Za sada razumijem samo tekstualne poruke. Molim napišite što trebate.',
  onlyTextAgain: () =>
    'I dalje mogu čitati samo tekst. Napišite što trebate, npr. *koliko imam km* ili *trebam auto sutra od 8 do 16*.',
  onlyTextWhileWaiting: () =>
    'Slike, glasovne poruke i datoteke za sada ne mogu primiti ni priložiti; napišite to tekstom.',
  cancelled: () => 'U redu, odustao sam. Što još trebate?',
  nothingToConfirm: () => 'Trenutačno nema ničega za potvrditi. Kako vam mogu pomoći?',
  nothingToCancel: () => 'Nema ničega u tijeku. Kako vam mogu pomoći?',
  writeArrivedLate: () =>
    'Odgovor sustava MobilityOne je kasnio, ali zahtjev je ipak zaprimljen, pa ga ne šaljem ponovno.',
  writeOutcomeUnknown: () =>
    'Sustav MobilityOne nije potvrdio zahtjev, pa ne znam je li zapisan. Provjerite prije ponovnog slanja (npr. „moji slučajevi” ili „moje rezervacije”).',
  flowExpired: () => 'Prethodni zahtjev je istekao zbog neaktivnosti, pa krećemo ispočetka.',
  notUnderstood: () =>
    'Nisam siguran što trebate. Možete pitati npr. "koliko imam km", "trebam auto sutra od 8 do 16" ili "moje rezervacije". Napišite *pomoć* za sve mogućnosti.',
  confirmQuestion: () => CONFIRM_QUESTION,
  confirmReminder: () =>
    'Odgovorite s *Da* za potvrdu ili *Ne* za odustajanje. Možete i promijeniti podatak, npr. "od 10h" ili "bilješka: službeni put".',
  feedbackAsk: () =>
    'Hvala što ste nam javili. Što nije bilo točno? Vaš komentar prosljeđujem administratorima.',
  feedbackThanks: () => 'Hvala, zabilježio sam vaš komentar. Kako vam još mogu pomoći?',
  feedbackNothing: () =>
    'Žao mi je. Na što se odnosi primjedba? Postavite pitanje ponovno pa ću pokušati bolje.',
  pendingAgain: () => 'Vraćamo se na potvrdu:',
  cannotAnswerThat: () => 'Na to pitanje nemam odgovor iz sustava MobilityOne.',
  noVehicle: () =>
    'Nemate dodijeljeno vozilo u sustavu MobilityOne. Obratite se administratoru voznog parka.',
  whichVehicle: () => 'Imate više vozila. Na koje se odnosi?',
  notYours: () => 'Ta stavka ne pripada vama, pa je ne mogu mijenjati.',
  /** A question about another person's records, by name. */
  onlyYourOwn: (name: string, role: 'driver' | 'fleet') =>
    role === 'fleet'
      ? `U ovom razgovoru pokazujem i mijenjam samo vaše podatke, ne podatke drugih osoba (${name}); podatke vozača pogledajte u aplikaciji MobilityOne.`
      : `Ovdje mogu pokazati i mijenjati samo vaše podatke, ne podatke drugih osoba (${name}). Za tuđe rezervacije, vozila i prijave obratite se voditelju flote.`,
  notYourVehicle: (reference: string) =>
    `Vozilo *${reference}* nije među vašim vozilima, pa o njemu ne mogu davati podatke ni mijenjati ih.\nAko ste mislili na svoje vozilo, odaberite ga:`,
}
