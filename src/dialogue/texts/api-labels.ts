/**
 * Croatian names for API entities and fields the generic flows show. The specs are in English
 * and users read Croatian, so common names are translated; an unknown one is shown with its
 * words split ("CostCenterId" -> "Cost Center Id") rather than guessed.
 */

const ENTITY_LABELS: Readonly<Record<string, string>> = {
  AddCase: 'Prijava slučaja',
  AddMileage: 'Unos kilometraže',
  AvailableVehicles: 'Slobodna vozila',
  Booking: 'Rezervacija',
  CaseTypes: 'Vrste slučajeva',
  Cases: 'Slučajevi',
  Companies: 'Tvrtke',
  CostCenters: 'Mjesta troška',
  DocumentTypes: 'Vrste dokumenata',
  Equipment: 'Oprema',
  EquipmentTypes: 'Vrste opreme',
  ExpenseGroups: 'Grupe troškova',
  ExpenseTypes: 'Vrste troškova',
  Expenses: 'Troškovi',
  LatestMileageReports: 'Zadnja stanja kilometraže',
  LatestPeriodicActivities: 'Zadnje periodične aktivnosti',
  LatestVehicleCalendar: 'Zadnje rezervacije',
  LatestVehicleContracts: 'Zadnji ugovori',
  MasterData: 'Podaci o vozilu',
  MileageReports: 'Stanja kilometraže',
  MonthlyMileages: 'Mjesečna kilometraža',
  OrgUnits: 'Organizacijske jedinice',
  Partners: 'Partneri',
  PeriodicActivities: 'Periodične aktivnosti',
  PeriodicActivityTypes: 'Vrste periodičnih aktivnosti',
  PersonData: 'Vaši podaci',
  PersonTypes: 'Vrste osoba',
  Persons: 'Vaši podaci',
  Pools: 'Skupine vozila',
  Roles: 'Uloge',
  Tags: 'Oznake',
  Teams: 'Timovi',
  TripTypes: 'Vrste putovanja',
  Trips: 'Putovanja',
  VehicleAssignments: 'Dodjele vozila',
  VehicleCalendar: 'Rezervacije',
  VehicleContracts: 'Ugovori o vozilima',
  VehicleTypes: 'Vrste vozila',
  Vehicles: 'Vozila',
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  Amount: 'Iznos',
  CaseStatus: 'Status',
  CaseTypeId: 'Vrsta slučaja',
  CaseTypeName: 'Vrsta slučaja',
  Code: 'Šifra',
  Comment: 'Komentar',
  CompanyCode: 'Šifra tvrtke',
  CompanyName: 'Tvrtka',
  CostCenterId: 'Mjesto troška',
  CostCenterName: 'Mjesto troška',
  CreatedOn: 'Kreirano',
  Currency: 'Valuta',
  Date: 'Datum',
  Description: 'Opis',
  DisplayName: 'Prikazno ime',
  Distance: 'Udaljenost',
  DueDate: 'Rok',
  Email: 'E-pošta',
  EndTime: 'Kraj',
  ExpenseDate: 'Datum troška',
  ExpenseTypeId: 'Vrsta troška',
  ExpenseTypeName: 'Vrsta troška',
  FirstName: 'Ime',
  FromTime: 'Od',
  Id: 'ID',
  LastMileage: 'Zadnja kilometraža',
  LastName: 'Prezime',
  LicencePlate: 'Registarska oznaka',
  Manufacturer: 'Proizvođač',
  Message: 'Poruka',
  Mileage: 'Kilometraža',
  Mobile: 'Mobitel',
  Name: 'Naziv',
  Note: 'Bilješka',
  Notes: 'Bilješka',
  OrgUnitCode: 'Šifra organizacijske jedinice',
  OrgUnitName: 'Organizacijska jedinica',
  PartnerId: 'Partner',
  PartnerName: 'Partner',
  PersonId: 'Osoba',
  PersonTypeId: 'Vrsta osobe',
  PersonTypeName: 'Vrsta osobe',
  Phone: 'Telefon',
  Quantity: 'Količina',
  RaisedOn: 'Prijavljeno',
  Route: 'Relacija',
  StartTime: 'Početak',
  Status: 'Status',
  Subject: 'Naslov',
  ToTime: 'Do',
  TripTypeId: 'Vrsta putovanja',
  Type: 'Vrsta',
  Value: 'Vrijednost',
  VehicleId: 'Vozilo',
  VehicleName: 'Vozilo',
}

const LOWER_FIELD_LABELS = new Map(
  Object.entries(FIELD_LABELS).map(([field, label]) => [field.toLowerCase(), label]),
)

function splitWords(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
}

/** "Subject" -> "Naslov"; an unknown field keeps its own words. */
export function fieldLabel(name: string): string {
  return LOWER_FIELD_LABELS.get(name.toLowerCase()) ?? splitWords(name)
}

/** "CaseTypes" -> "Vrste slučajeva", or undefined when there is no Croatian name for it. */
export function entityLabel(entity: string): string | undefined {
  return ENTITY_LABELS[entity]
}
