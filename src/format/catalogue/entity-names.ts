import { composeCollectionNames } from './compose-label.ts'
import type { Gender } from './croatian-words.ts'

/**
 * Croatian names of the API's entities (first path segment): one record, several, "broj …"
 * (plural genitive) and the gender "Vaši / Vaše / Vaša" agrees with. Written by hand.
 */
export interface EntityNames {
  one: string
  many: string
  manyOf: string
  gender: Gender
  /** Singular genitive ("broj slučaja"), where a question needs it. */
  oneOf?: string
}

function names(one: string, many: string, manyOf: string, gender: Gender, oneOf?: string): EntityNames {
  return oneOf ? { one, many, manyOf, gender, oneOf } : { one, many, manyOf, gender }
}

const ENTITY_NAMES: Readonly<Record<string, EntityNames>> = {
  AddCase: names('Prijava slučaja', 'Prijave slučajeva', 'prijava slučajeva', 'f'),
  AddMileage: names('Unos kilometraže', 'Unosi kilometraže', 'unosa kilometraže', 'm'),
  AvailabilityProjection: names('Dostupnost vozila', 'Dostupnost vozila', 'zapisa o dostupnosti', 'f'),
  AvailableVehicles: names('Slobodno vozilo', 'Slobodna vozila', 'slobodnih vozila', 'n'),
  AverageFuelExpensesAndMileages: names(
    'Prosječni trošak goriva i kilometraža',
    'Prosječni troškovi goriva i kilometraža',
    'zapisa o prosječnim troškovima',
    'm',
  ),
  Booking: names('Rezervacija', 'Rezervacije', 'rezervacija', 'f'),
  Cases: names('Slučaj', 'Slučajevi', 'slučajeva', 'm', 'slučaja'),
  CaseTypes: names('Vrsta slučaja', 'Vrste slučajeva', 'vrsta slučajeva', 'f'),
  Companies: names('Tvrtka', 'Tvrtke', 'tvrtki', 'f'),
  CostCenters: names('Mjesto troška', 'Mjesta troška', 'mjesta troška', 'n'),
  DocumentTypes: names('Vrsta dokumenta', 'Vrste dokumenata', 'vrsta dokumenata', 'f'),
  Equipment: names('Oprema', 'Oprema', 'komada opreme', 'f'),
  EquipmentCalendar: names(
    'Rezervacija opreme',
    'Rezervacije opreme',
    'rezervacija opreme',
    'f',
    'rezervacije opreme',
  ),
  EquipmentCalendarOn: names('Rezervacija opreme', 'Rezervacije opreme', 'rezervacija opreme', 'f'),
  EquipmentCalendarOnPersonVehicle: names('Zaduženje opreme', 'Zaduženja opreme', 'zaduženja opreme', 'n'),
  EquipmentTypes: names('Vrsta opreme', 'Vrste opreme', 'vrsta opreme', 'f'),
  ExpenseGroups: names('Grupa troškova', 'Grupe troškova', 'grupa troškova', 'f'),
  ExpensesInputHelper: names('Vozilo tvrtke', 'Vozila tvrtke', 'vozila tvrtke', 'n'),
  ExpenseTypes: names('Vrsta troška', 'Vrste troškova', 'vrsta troškova', 'f'),
  Expenses: names('Trošak', 'Troškovi', 'troškova', 'm', 'troška'),
  LatestEquipmentCalendar: names(
    'Zadnja rezervacija opreme',
    'Zadnje rezervacije opreme',
    'rezervacija opreme',
    'f',
    'rezervacije opreme',
  ),
  LatestMileageReports: names(
    'Zadnje stanje kilometraže',
    'Zadnja stanja kilometraže',
    'stanja kilometraže',
    'n',
  ),
  LatestPeriodicActivities: names(
    'Zadnja periodična aktivnost',
    'Zadnje periodične aktivnosti',
    'periodičnih aktivnosti',
    'f',
  ),
  LatestVehicleCalendar: names('Zadnja rezervacija', 'Zadnje rezervacije', 'rezervacija', 'f', 'rezervacije'),
  LatestVehicleContracts: names('Zadnji ugovor', 'Zadnji ugovori', 'ugovora', 'm'),
  Master: names('Vozilo', 'Vozila', 'vozila', 'n'),
  MasterData: names('Vozilo', 'Vozila', 'vozila', 'n'),
  MileageReports: names('Stanje kilometraže', 'Stanja kilometraže', 'očitanja kilometraže', 'n'),
  MonthlyFuelExpensesAndMileages: names(
    'Mjesečni trošak goriva i kilometraža',
    'Mjesečni troškovi goriva i kilometraža',
    'mjesečnih zapisa',
    'm',
  ),
  MonthlyMileages: names('Mjesečna kilometraža', 'Mjesečne kilometraže', 'mjesečnih zapisa', 'f'),
  MonthlyMileagesAssigned: names(
    'Mjesečna kilometraža dodijeljenog vozila',
    'Mjesečne kilometraže dodijeljenih vozila',
    'mjesečnih zapisa',
    'f',
  ),
  OrgUnits: names('Organizacijska jedinica', 'Organizacijske jedinice', 'organizacijskih jedinica', 'f'),
  Partners: names('Partner', 'Partneri', 'partnera', 'm'),
  PeriodicActivities: names('Periodična aktivnost', 'Periodične aktivnosti', 'periodičnih aktivnosti', 'f'),
  PeriodicActivityTypes: names(
    'Vrsta periodične aktivnosti',
    'Vrste periodičnih aktivnosti',
    'vrsta periodičnih aktivnosti',
    'f',
  ),
  PersonActivityTypes: names('Vrsta aktivnosti osobe', 'Vrste aktivnosti osoba', 'vrsta aktivnosti', 'f'),
  PersonData: names('Osobni podaci', 'Osobni podaci', 'osobnih podataka', 'm'),
  PersonOrgUnits: names(
    'Organizacijska jedinica osobe',
    'Organizacijske jedinice osoba',
    'organizacijskih jedinica',
    'f',
  ),
  PersonPeriodicActivities: names(
    'Periodična aktivnost osobe',
    'Periodične aktivnosti osoba',
    'periodičnih aktivnosti',
    'f',
  ),
  Persons: names('Osoba', 'Osobe', 'osoba', 'f'),
  PersonTypes: names('Vrsta osobe', 'Vrste osoba', 'vrsta osoba', 'f'),
  Pools: names('Skupina vozila', 'Skupine vozila', 'skupina vozila', 'f'),
  Roles: names('Uloga', 'Uloge', 'uloga', 'f'),
  Tags: names('Oznaka', 'Oznake', 'oznaka', 'f'),
  TeamMembers: names('Član tima', 'Članovi tima', 'članova tima', 'm'),
  Teams: names('Tim', 'Timovi', 'timova', 'm'),
  Tenants: names('Tvrtka korisnik', 'Tvrtke korisnici', 'tvrtki korisnika', 'f'),
  TripTypes: names('Vrsta putovanja', 'Vrste putovanja', 'vrsta putovanja', 'f'),
  Trips: names('Putovanje', 'Putovanja', 'putovanja', 'n', 'putovanja'),
  VehicleAssignments: names('Dodjela vozila', 'Dodjele vozila', 'dodjela vozila', 'f'),
  VehicleBoard: names('Pregled vozila', 'Pregled vozila', 'vozila', 'm'),
  VehicleCalendar: names('Rezervacija', 'Rezervacije', 'rezervacija', 'f', 'rezervacije'),
  VehicleCalendarOn: names('Rezervacija', 'Rezervacije', 'rezervacija', 'f'),
  VehicleContracts: names('Ugovor o vozilu', 'Ugovori o vozilima', 'ugovora', 'm'),
  VehicleInputHelper: names('Podatak o vozilu', 'Podaci o vozilima', 'podataka', 'm'),
  Vehicles: names('Vozilo', 'Vozila', 'vozila', 'n'),
  VehiclesAssignmentsOverview: names('Dodjela vozila', 'Dodjele vozila', 'dodjela vozila', 'f'),
  VehiclesHistoricalEntries: names('Povijesni zapis vozila', 'Povijest vozila', 'povijesnih zapisa', 'm'),
  VehiclesMonthlyExpenses: names(
    'Mjesečni trošak vozila',
    'Mjesečni troškovi vozila',
    'mjesečnih troškova',
    'm',
  ),
  VehicleTypes: names('Vrsta vozila', 'Vrste vozila', 'vrsta vozila', 'f'),
}

const BY_LOWER = new Map(Object.entries(ENTITY_NAMES).map(([entity, value]) => [entity.toLowerCase(), value]))
const composed = new Map<string, EntityNames | null>()

/**
 * Names for an entity: the curated ones, else composed from its words ("CaseStatuses" ->
 * "Statusi slučajeva", `Lookup` segments end in "Id": "VehicleId" -> vehicles); undefined when
 * the words have no Croatian.
 */
export function entityNames(entity: string): EntityNames | undefined {
  const key = entity.toLowerCase()
  const curated = BY_LOWER.get(key)
  if (curated) return curated
  const known = composed.get(key)
  if (known !== undefined) return known ?? undefined
  const base = entity.replace(/Ids?$/, '')
  const curatedBase = base !== entity ? BY_LOWER.get(`${base.toLowerCase()}s`) : undefined
  const value = curatedBase ?? composeCollectionNames(base) ?? null
  composed.set(key, value)
  return value ?? undefined
}
