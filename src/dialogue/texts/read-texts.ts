/** Texts of the read templates (Croatian). */
export const readTexts = {
  mileage: (vehicle: string, km: string, at: string) =>
    `*${vehicle}*\nKilometraža: *${km}*${at ? `\nZabilježeno: ${at}` : ''}`,
  plate: (vehicle: string, plate: string) => `Registracija vozila *${vehicle}*: *${plate}*`,
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
  bookingsTitle: 'Vaše rezervacije:',
  noBookings: 'Nemate rezervacija.',
  casesTitle: 'Vaši slučajevi:',
  noCases: 'Nemate prijavljenih slučajeva.',
  tripsTitle: 'Vaša putovanja:',
  noTrips: 'Nemate zabilježenih putovanja.',
  expensesTitle: 'Vaši troškovi:',
  noExpenses: 'Nemate zabilježenih troškova.',
}
