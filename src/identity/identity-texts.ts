import type { Reply } from '../ports/messages.ts'
import type { UserContext, Vehicle, WelcomeMenuItem } from '../ports/user-context.ts'

/** Every identity and consent text the user can see, in one place (Croatian). */

export const CONSENT_YES_ID = 'consent:yes'
export const CONSENT_NO_ID = 'consent:no'

const consentButtons = [
  { id: CONSENT_YES_ID, title: 'Da, pristajem' },
  { id: CONSENT_NO_ID, title: 'Ne' },
]

function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? ''
}

/** 45231 -> `45.231` (Croatian thousands separator), independent of the runtime's ICU data. */
export function formatKilometres(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}

function describeVehicle(vehicle: Vehicle): string {
  const parts = [`*${vehicle.name}*`]
  if (vehicle.plate) parts.push(`(${vehicle.plate})`)
  const line = parts.join(' ')
  return vehicle.mileageKm === undefined ? line : `${line}, ${formatKilometres(vehicle.mileageKm)} km`
}

const MAX_VEHICLES_SHOWN = 3

export const identityTexts = {
  /**
   * `repeat`: earlier messages of this number answered so since the lookup (0: the first). Later
   * messages get short variants in turn, so two replies in a row are never word for word the same.
   */
  notRegistered: (repeat = 0): Reply => ({
    text:
      repeat <= 0
        ? 'Nažalost, vaš broj nije registriran u sustavu MobilityOne. ' +
          'Molimo obratite se administratoru voznog parka da vas doda.'
        : repeat % 2 === 1
          ? 'Vaš broj još uvijek nije registriran u sustavu MobilityOne, pa vam ne mogu pomoći. ' +
            'Za pristup se obratite administratoru voznog parka svoje tvrtke.'
          : 'I dalje ne pronalazim vaš broj u sustavu MobilityOne. ' +
            'Kad vas administrator voznog parka doda, slobodno mi ponovno pišite.',
  }),

  temporarilyUnavailable: (): Reply => ({
    text: 'Trenutačno ne mogu provjeriti vaše podatke. Molimo pokušajte ponovno za nekoliko minuta.',
  }),

  /** `holding`: the message that came with it is answered right after consent. */
  consentQuestion: (displayName: string, holding = false): Reply => {
    const name = firstName(displayName)
    return {
      text:
        `Pozdrav${name ? `, ${name}` : ''}! Ja sam *AI asistent* za vozni park MobilityOne: ` +
        'odgovore vam daje računalni program, a ne osoba.\n\n' +
        'Da bih vam mogao pomoći, obrađujem vaše podatke iz sustava MobilityOne (ime, broj telefona, ' +
        'vozilo, kilometražu, rezervacije, prijave šteta, putovanja i troškove) i sadržaj naših poruka.\n\n' +
        'Pristajete li na tu obradu podataka? Privolu možete povući u bilo kojem trenutku porukom ' +
        '*povuci privolu*.' +
        (holding ? '\n\nNa vašu poruku odgovaram čim pristanete.' : ''),
      buttons: consentButtons,
    }
  },

  /**
   * The consent question again, worded for what the user sent: a request waits for the answer,
   * a question about it gets a short explanation, anything unclear a plain yes/no question.
   */
  consentReminder: (kind: 'held' | 'request' | 'question' | 'unclear' = 'request'): Reply => ({
    text:
      kind === 'question'
        ? 'Obrađujem samo podatke iz sustava MobilityOne koji trebaju za vaše upite (vozilo, kilometraža, rezervacije, prijave, putovanja, troškovi) i naše poruke; privolu možete povući kad god želite. Pristajete li? Odgovorite s *Da* ili *Ne*.'
        : kind === 'unclear'
          ? 'Trebam jasan odgovor: dajete li privolu za obradu podataka? Odgovorite s *Da* ili *Ne*.'
          : kind === 'held'
            ? 'Prije nego što odgovorim, trebam vašu privolu za obradu podataka; na vašu poruku odgovaram odmah nakon toga. Odgovorite s *Da* ili *Ne*.'
            : 'Prije nego što nastavimo, trebam vašu privolu za obradu podataka. Odgovorite s *Da* ili *Ne*.',
    buttons: consentButtons,
  }),

  /** The reminder once more, in other words: a short way to answer. */
  consentReminderAgain: (): Reply => ({
    text: 'Za nastavak mi treba samo odgovor na pitanje o privoli: napišite *Da* ako pristajete ili *Ne* ako ne pristajete.',
    buttons: consentButtons,
  }),

  consentDenied: (): Reply => ({
    text: 'U redu, neću obrađivati vaše podatke. Ako se predomislite, napišite *Pristajem* i nastavljamo.',
  }),

  stillDenied: (): Reply => ({
    text:
      'Ne obrađujem vaše poruke jer niste dali privolu za obradu podataka. ' +
      'Ako želite nastaviti, napišite *Pristajem*.',
    buttons: [{ id: CONSENT_YES_ID, title: 'Pristajem' }],
  }),

  consentWithdrawn: (): Reply => ({
    text:
      'Privola je povučena i više neću obrađivati vaše podatke. ' +
      'Ako se predomislite, napišite *Pristajem*.',
  }),

  /**
   * The first-contact greeting: AI disclosure, the user's vehicle(s) and the numbered menu, or,
   * when a request came before consent, a line saying it is answered next.
   */
  greeting: (user: Pick<UserContext, 'displayName' | 'vehicles'>, request?: string): Reply => {
    const name = firstName(user.displayName)
    const lines = [
      `Hvala${name ? `, ${name}` : ''}! Ja sam AI asistent za vozni park: odgovara vam računalni program, ne osoba.`,
      '',
    ]
    if (user.vehicles.length === 0) {
      lines.push('Trenutačno nemate dodijeljeno vozilo.')
    } else if (user.vehicles.length === 1) {
      lines.push(`Vaše vozilo: ${describeVehicle(user.vehicles[0]!)}.`)
    } else {
      lines.push('Vaša vozila:')
      for (const vehicle of user.vehicles.slice(0, MAX_VEHICLES_SHOWN))
        lines.push(`• ${describeVehicle(vehicle)}`)
      if (user.vehicles.length > MAX_VEHICLES_SHOWN)
        lines.push(`…i još ${user.vehicles.length - MAX_VEHICLES_SHOWN}`)
    }
    lines.push('', 'Mogu vam pomoći s:')
    if (request) {
      lines.push(
        'kilometražom, rezervacijom vozila, prijavom štete, vašim rezervacijama, slučajevima, putovanjima i troškovima, registracijom, servisom i leasingom.',
        '',
        `Sada odgovaram na vašu poruku „${shortQuote(request)}”:`,
      )
    } else {
      welcomeMenu(user).forEach((item, index) => {
        lines.push(`${index + 1}. ${item.label}`)
      })
      lines.push('', 'Napišite broj ili svojim riječima što trebate (npr. „trebam auto sutra od 8 do 16”).')
    }
    return { text: lines.join('\n') }
  },
}

const MAX_QUOTE = 80

function shortQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1)}…` : flat
}

/** The welcome menu: items about one's own vehicle only for users who have one. */
const MENU: readonly (WelcomeMenuItem & { needsVehicle: boolean })[] = [
  { intent: 'vehicle_mileage', label: 'stanje kilometraže', needsVehicle: true },
  { intent: 'record_mileage', label: 'unos nove kilometraže', needsVehicle: true },
  { intent: 'book_vehicle', label: 'rezervacija slobodnog vozila', needsVehicle: false },
  { intent: 'report_damage', label: 'prijava štete ili kvara', needsVehicle: false },
  { intent: 'my_bookings', label: 'moje rezervacije', needsVehicle: false },
  { intent: 'my_cases', label: 'moje prijave (slučajevi)', needsVehicle: false },
  { intent: 'vehicle_due_dates', label: 'rokovi: registracija i servis', needsVehicle: true },
  { intent: 'vehicle_leasing', label: 'ugovor o leasingu', needsVehicle: true },
]

/** The numbered items the greeting shows this user, in order. */
export function welcomeMenu(user: Pick<UserContext, 'vehicles'>): WelcomeMenuItem[] {
  return MENU.filter((item) => user.vehicles.length > 0 || !item.needsVehicle).map(({ intent, label }) => ({
    intent,
    label,
  }))
}
