import { confirmationText } from './common-texts.ts'

/** A reading the odometer cannot show: the warning, and how to record it anyway (the correction word). */
function correctionSummary(vehicle: string, km: string, warning: string, ifMeant: string): string {
  return [
    '*Unos kilometraže*',
    `Vozilo: ${vehicle}`,
    `Kilometraža: ${km}`,
    '',
    `⚠️ ${warning}`,
    '',
    `${ifMeant}, napišite *ispravak* ili ponovno pošaljite isti broj. Inače pošaljite točno stanje ili *ne*.`,
  ].join('\n')
}

/** Texts of the mileage, case and delete flows (Croatian). */
export const mileageTexts = {
  ask: (vehicle: string) => `Koliko kilometara trenutačno pokazuje brojčanik vozila *${vehicle}*?`,
  notANumber: 'Nisam prepoznao broj kilometara. Napišite npr. "45.000".',
  summary: (vehicle: string, km: string, warning: string | undefined) =>
    confirmationText('Unos kilometraže', [
      `Vozilo: ${vehicle}`,
      `Kilometraža: ${km}`,
      warning ? `\n⚠️ ${warning}` : undefined,
    ]),
  lower: (last: string) => `To je manje od zadnjeg poznatog stanja (${last}). Je li to sigurno točno?`,
  tooHigh: (last: string) => `To je puno više od zadnjeg poznatog stanja (${last}). Je li to sigurno točno?`,
  /** A reading far below the last one: recorded only after "ispravak" or the same number again. */
  rollbackSummary: (vehicle: string, km: string, last: string) =>
    correctionSummary(
      vehicle,
      km,
      `To je puno manje od zadnjeg poznatog stanja (${last}), a brojčanik ne ide unatrag.`,
      'Ako ispravljate pogrešno stanje',
    ),
  /** A reading far above the last one (a digit too many): the same explicit correction. */
  impossibleSummary: (vehicle: string, km: string, last: string) =>
    correctionSummary(
      vehicle,
      km,
      `To je mnogo više od zadnjeg poznatog stanja (${last}); možda je broj napisan sa znamenkom viška, provjerite ga.`,
      'Ako je to stvarno stanje brojčanika',
    ),
  plainQuestion: (vehicle: string, km: string) => `da upišem ${km} za ${vehicle}`,
  recorded: (vehicle: string, km: string) => `Zabilježeno ✅ Kilometraža vozila ${vehicle}: *${km}*.`,
}

export const caseTexts = {
  askDescription: (subject: string) => `Opišite ukratko što se dogodilo (${subject.toLowerCase()}).`,
  foreignPlateInDescription: (plate: string) =>
    `Vozilo *${plate}* nije vaše, a prijava bi se vezala uz njega. Opišite štetu bez tuđih tablica (npr. „udario me drugi auto”).`,
  summary: (subject: string, vehicle: string | undefined, description: string) =>
    confirmationText(`Prijava: ${subject}`, [
      `Vozilo: ${vehicle ?? 'bez vozila (nemate dodijeljeno vozilo)'}`,
      `Opis: ${description}`,
    ]),
  plainQuestion: (subject: string, vehicle: string | undefined) =>
    vehicle
      ? `da pošaljem prijavu (${subject.toLowerCase()}) za ${vehicle}`
      : `da pošaljem prijavu (${subject.toLowerCase()}) bez vozila`,
  created: (id: string | undefined) =>
    id ? `Prijava je zaprimljena ✅ Broj slučaja: *${id}*.` : 'Prijava je zaprimljena ✅',
  subjects: { fault: 'Kvar', damage: 'Šteta', problem: 'Problem' },
}

export const deleteTexts = {
  none: {
    booking: 'Nemate rezervacija koje se mogu otkazati.',
    case: 'Nemate slučajeva.',
    trip: 'Nemate putovanja.',
  },
  choose: {
    booking: 'Koju rezervaciju želite otkazati? (od najbliže)',
    case: 'Koji slučaj želite obrisati? (od najnovijeg)',
    trip: 'Koje putovanje želite obrisati? (od najnovijeg)',
  },
  sure: {
    booking: (label: string) => `Jeste li sigurni da želite otkazati rezervaciju:\n${label}?`,
    case: (label: string) => `Jeste li sigurni da želite obrisati slučaj:\n${label}?`,
    trip: (label: string) => `Jeste li sigurni da želite obrisati putovanje:\n${label}?`,
  },
  plainQuestion: {
    booking: (label: string) => `da otkažem rezervaciju ${label}`,
    case: (label: string) => `da obrišem slučaj ${label}`,
    trip: (label: string) => `da obrišem putovanje ${label}`,
  },
  done: {
    booking: 'Rezervacija je otkazana ✅',
    case: 'Slučaj je obrisan ✅',
    trip: 'Putovanje je obrisano ✅',
  },
}
