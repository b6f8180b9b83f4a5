import { croatianPlural } from '../../format/croatian-plural.ts'

/** "istekla" / "istekao" / "isteklo" by the grammatical gender of the activity's last word. */
function expired(name: string): string {
  const word = name.trim().split(/\s+/).pop()?.toLowerCase() ?? ''
  if (word.endsWith('a')) return 'istekla'
  if (word.endsWith('o') || word.endsWith('e')) return 'isteklo'
  return 'istekao'
}

function days(count: number): string {
  return `${count} ${croatianPlural(count, 'dan', 'dana', 'dana')}`
}

/** Texts of the read templates (Croatian). */
export const readTexts = {
  mileage: (vehicle: string, km: string, at: string) =>
    `*${vehicle}*\nKilometraža: *${km}*${at ? `\nZabilježeno: ${at}` : ''}`,
  plate: (vehicle: string, plate: string) => `Registarska oznaka (tablice) vozila *${vehicle}*: *${plate}*`,
  /** How far a due date is from today: "istječe za 5 dana", "⚠️ istekla prije 3 dana". */
  dueIn: (name: string, daysLeft: number) => {
    if (daysLeft === 0) return '⚠️ istječe danas'
    if (daysLeft === 1) return 'istječe sutra'
    if (daysLeft > 1) return `istječe za ${days(daysLeft)}`
    if (daysLeft === -1) return `⚠️ ${expired(name)} jučer`
    return `⚠️ ${expired(name)} prije ${days(-daysLeft)}`
  },
  dueTitle: (vehicle: string) => `Rokovi za *${vehicle}*:`,
  noDue: (vehicle: string) =>
    `Za *${vehicle}* nema zabilježenih periodičnih aktivnosti (registracija, servis).`,
  leasing: (vehicle: string, provider: string, start: string, end: string, monthly: string, limit: string) =>
    [
      `Ugovor za *${vehicle}*:`,
      `Leasing kuća: ${provider}`,
      `Početak ugovora: ${start}`,
      `Kraj ugovora: ${end}`,
      `Mjesečna rata: ${monthly}`,
      `Ograničenje kilometraže: ${limit}`,
    ].join('\n'),
  summaryTitle: (vehicle: string) => `*${vehicle}*`,
  bookingsTitle: 'Vaše rezervacije (nadolazeće od najbliže, zatim prošle):',
  noBookings: 'Nemate rezervacija.',
  casesTitle: 'Vaši slučajevi (od najnovijeg):',
  noCases: 'Nemate prijavljenih slučajeva.',
  tripsTitle: 'Vaša putovanja (od najnovijeg):',
  noTrips: 'Nemate zabilježenih putovanja.',
  expensesTitle: 'Vaši troškovi (od najnovijeg):',
  noExpenses: 'Nemate zabilježenih troškova.',
}
