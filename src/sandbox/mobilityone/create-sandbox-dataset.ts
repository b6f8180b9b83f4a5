import {
  SANDBOX_DEFAULT_SEED,
  SANDBOX_FLEET_PERSON_TYPE,
  SANDBOX_SECOND_TENANT_ID,
  SANDBOX_TENANT_ID,
} from './sandbox-constants.ts'
import type {
  CalendarEntryRecord,
  CaseRecord,
  ExpenseRecord,
  PeriodicActivity,
  PersonRecord,
  SandboxDataset,
  SandboxTenant,
  TripRecord,
  VehicleRecord,
} from './sandbox-records.ts'
import { createSeededRandom, type SeededRandom } from './seeded-random.ts'
import { addDays, formatLocalDateTime, localDateTime } from './tenant-time.ts'

export interface SandboxDatasetOptions {
  seed?: number
  /**
   * Tenant-local `YYYY-MM-DD` that relative dates hang off (bookings around it, registrations
   * due after it). Defaults to today, so a local run always shows upcoming bookings; tests pass
   * a fixed date to get byte-identical data.
   */
  baseDate?: string
}

/** Hand-written people that scenarios and docs refer to; everyone else is generated. */
interface ScenarioPerson {
  firstName: string
  lastName: string
  phone: string | null
  mobile: string | null
  orgUnit: number
  personType: 'driver' | 'manager'
  vehicles: ScenarioVehicle[]
}

interface ScenarioVehicle {
  model: number
  plate: string
  /** Days from the base date to the registration due date. */
  registrationInDays: number
  mileage: number
}

const MALE_NAMES = [
  'Ivan',
  'Marko',
  'Josip',
  'Luka',
  'Tomislav',
  'Ante',
  'Stjepan',
  'Nikola',
  'Mario',
  'Dario',
  'Krešimir',
  'Davor',
  'Goran',
  'Zoran',
  'Hrvoje',
  'Matej',
  'Filip',
  'Domagoj',
  'Igor',
  'Željko',
]
const FEMALE_NAMES = [
  'Ana',
  'Petra',
  'Maja',
  'Ivana',
  'Marija',
  'Katarina',
  'Martina',
  'Lucija',
  'Ivona',
  'Jelena',
  'Mirela',
  'Sanja',
  'Nikolina',
  'Tea',
  'Dora',
  'Snježana',
  'Vesna',
  'Željka',
]
const SURNAMES = [
  'Horvat',
  'Kovačević',
  'Babić',
  'Marić',
  'Novak',
  'Jurić',
  'Knežević',
  'Vuković',
  'Marković',
  'Petrović',
  'Matić',
  'Tomić',
  'Pavlović',
  'Kovačić',
  'Božić',
  'Grgić',
  'Blažević',
  'Šarić',
  'Pavić',
  'Radić',
  'Lovrić',
  'Perić',
  'Vidović',
  'Šimić',
  'Galić',
  'Filipović',
  'Lukić',
  'Čačić',
  'Bošnjak',
  'Mlinarić',
  'Brkić',
  'Đurić',
  'Jakšić',
  'Rukavina',
  'Zorić',
]

interface VehicleModel {
  manufacturer: string
  model: string
  variant: string
  wmi: string
  co2: number
  typeId: number
}

const VEHICLE_MODELS: VehicleModel[] = [
  { manufacturer: 'Škoda', model: 'Octavia', variant: 'Style 2.0 TDI', wmi: 'TMB', co2: 118, typeId: 1 },
  { manufacturer: 'Škoda', model: 'Superb', variant: 'Ambition 2.0 TDI', wmi: 'TMB', co2: 126, typeId: 1 },
  { manufacturer: 'Škoda', model: 'Fabia', variant: '1.0 TSI', wmi: 'TMB', co2: 112, typeId: 1 },
  { manufacturer: 'Škoda', model: 'Kodiaq', variant: '2.0 TDI 4x4', wmi: 'TMB', co2: 152, typeId: 1 },
  {
    manufacturer: 'Volkswagen',
    model: 'Passat',
    variant: 'Variant 2.0 TDI',
    wmi: 'WVW',
    co2: 124,
    typeId: 1,
  },
  { manufacturer: 'Volkswagen', model: 'Golf', variant: '1.5 TSI Life', wmi: 'WVW', co2: 128, typeId: 1 },
  { manufacturer: 'Volkswagen', model: 'Polo', variant: '1.0 TSI', wmi: 'WVW', co2: 115, typeId: 1 },
  { manufacturer: 'Volkswagen', model: 'Caddy', variant: 'Cargo 2.0 TDI', wmi: 'WV1', co2: 149, typeId: 2 },
  { manufacturer: 'Renault', model: 'Clio', variant: '1.0 TCe', wmi: 'VF1', co2: 118, typeId: 1 },
  { manufacturer: 'Renault', model: 'Mégane', variant: '1.5 Blue dCi', wmi: 'VF1', co2: 117, typeId: 1 },
  { manufacturer: 'Toyota', model: 'Corolla', variant: '1.8 Hybrid', wmi: 'SB1', co2: 101, typeId: 1 },
  { manufacturer: 'Toyota', model: 'RAV4', variant: '2.5 Hybrid', wmi: 'JTM', co2: 126, typeId: 1 },
  { manufacturer: 'Peugeot', model: '308', variant: '1.5 BlueHDi', wmi: 'VF3', co2: 112, typeId: 1 },
  { manufacturer: 'Peugeot', model: '3008', variant: '1.5 BlueHDi', wmi: 'VF3', co2: 121, typeId: 1 },
  { manufacturer: 'Opel', model: 'Astra', variant: '1.5 D', wmi: 'W0V', co2: 114, typeId: 1 },
  { manufacturer: 'Ford', model: 'Focus', variant: '1.0 EcoBoost', wmi: 'WF0', co2: 125, typeId: 1 },
  { manufacturer: 'Hyundai', model: 'i30', variant: '1.6 CRDi', wmi: 'TMA', co2: 119, typeId: 1 },
  { manufacturer: 'Kia', model: 'Ceed', variant: '1.6 CRDi', wmi: 'U5Y', co2: 117, typeId: 1 },
  { manufacturer: 'Dacia', model: 'Duster', variant: '1.5 Blue dCi', wmi: 'UU1', co2: 131, typeId: 1 },
  { manufacturer: 'Citroën', model: 'Berlingo', variant: 'Van 1.5 BlueHDi', wmi: 'VF7', co2: 144, typeId: 2 },
]
const MODEL = (manufacturer: string, model: string) =>
  VEHICLE_MODELS.findIndex((entry) => entry.manufacturer === manufacturer && entry.model === model)

const LEASING_HOUSES = [
  'Erste Leasing',
  'PBZ Leasing',
  'Raiffeisen Leasing',
  'UniCredit Leasing Croatia',
  'Porsche Leasing',
  'OTP Leasing',
]
const SUPPLIERS = [
  'Porsche Inter Auto',
  'Auto Hrvatska',
  'Toyota Centar Zagreb',
  'Emil Frey Hrvatska',
  'Autocentar Rijeka',
]
const CITY_PREFIXES = ['ZG', 'ZG', 'ZG', 'ST', 'RI', 'OS', 'ZD', 'PU', 'KA', 'DU']
const PLATE_LETTERS = 'ABCDEFGHIJKLMNOPRSTUVZ'
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'

/** Tenant 1 scenario people: the numbers here are what the chat page and scenarios use. */
const TENANT_ONE_SCENARIO: ScenarioPerson[] = [
  {
    firstName: 'Ivan',
    lastName: 'Horvat',
    phone: '+385 91 234 5678',
    mobile: null,
    orgUnit: 0,
    personType: 'driver',
    vehicles: [
      { model: MODEL('Škoda', 'Octavia'), plate: 'ZG-5521-KL', registrationInDays: 20, mileage: 45_231 },
    ],
  },
  {
    firstName: 'Ana',
    lastName: 'Kovačević',
    phone: null,
    mobile: '0987654321',
    orgUnit: 1,
    personType: 'driver',
    vehicles: [
      { model: MODEL('Volkswagen', 'Golf'), plate: 'ZG-3307-TD', registrationInDays: 140, mileage: 28_904 },
    ],
  },
  {
    firstName: 'Marko',
    lastName: 'Babić',
    phone: '00385955551234',
    mobile: null,
    orgUnit: 2,
    personType: 'driver',
    vehicles: [
      { model: MODEL('Volkswagen', 'Passat'), plate: 'ZG-1234-AB', registrationInDays: 65, mileage: 112_480 },
      { model: MODEL('Toyota', 'Corolla'), plate: 'ST-782-CD', registrationInDays: -3, mileage: 61_112 },
    ],
  },
  {
    firstName: 'Petra',
    lastName: 'Marić',
    phone: '385921112233',
    mobile: null,
    orgUnit: 0,
    personType: 'driver',
    vehicles: [],
  },
  {
    firstName: 'Josip',
    lastName: 'Novak',
    phone: '+385 1 4567 890',
    mobile: '091 765 4321',
    orgUnit: 3,
    personType: 'driver',
    vehicles: [
      { model: MODEL('Renault', 'Clio'), plate: 'RI-4410-MN', registrationInDays: 210, mileage: 17_650 },
    ],
  },
  {
    firstName: 'Maja',
    lastName: 'Jurić',
    phone: '+385993334455',
    mobile: null,
    orgUnit: 4,
    personType: 'manager',
    vehicles: [
      { model: MODEL('Škoda', 'Superb'), plate: 'ZG-9001-JM', registrationInDays: 300, mileage: 9_870 },
      { model: MODEL('Peugeot', '308'), plate: 'ZG-6612-PR', registrationInDays: 45, mileage: 73_020 },
      { model: MODEL('Volkswagen', 'Caddy'), plate: 'ZG-2218-VC', registrationInDays: 12, mileage: 154_300 },
    ],
  },
]

const TENANT_TWO_SCENARIO: ScenarioPerson[] = [
  {
    firstName: 'Luka',
    lastName: 'Perić',
    phone: '+385 97 123 4567',
    mobile: null,
    orgUnit: 0,
    personType: 'driver',
    vehicles: [
      { model: MODEL('Dacia', 'Duster'), plate: 'OS-512-LP', registrationInDays: 90, mileage: 88_015 },
    ],
  },
]

interface TenantPlan {
  id: string
  name: string
  code: string
  emailDomain: string
  orgUnits: string[]
  scenario: ScenarioPerson[]
  generatedPeople: number
  /** Generated drivers with one vehicle, then with two. */
  driversWithOne: number
  driversWithTwo: number
  poolVehicles: number
  plateCities: string[]
  bookings: number
}

const TENANT_PLANS: TenantPlan[] = [
  {
    id: SANDBOX_TENANT_ID,
    name: 'Jadran Logistika d.o.o.',
    code: 'JL',
    emailDomain: 'jadran-logistika.hr',
    orgUnits: ['Prodaja', 'Logistika', 'Servis', 'Nabava', 'Uprava'],
    scenario: TENANT_ONE_SCENARIO,
    generatedPeople: 38,
    driversWithOne: 10,
    driversWithTwo: 1,
    poolVehicles: 14,
    plateCities: CITY_PREFIXES,
    bookings: 26,
  },
  {
    id: SANDBOX_SECOND_TENANT_ID,
    name: 'Panonija Agro d.d.',
    code: 'PA',
    emailDomain: 'panonija-agro.hr',
    orgUnits: ['Proizvodnja', 'Prodaja', 'Uprava'],
    scenario: TENANT_TWO_SCENARIO,
    generatedPeople: 9,
    driversWithOne: 3,
    driversWithTwo: 0,
    poolVehicles: 3,
    plateCities: ['OS', 'OS', 'VU', 'DJ'],
    bookings: 5,
  },
]

/**
 * Builds the whole seeded dataset. Everything except dates is a pure function of the seed;
 * dates are offsets from `baseDate`.
 */
export function createSandboxDataset(options: SandboxDatasetOptions = {}): SandboxDataset {
  const seed = options.seed ?? SANDBOX_DEFAULT_SEED
  const baseDate = options.baseDate ?? formatLocalDateTime(new Date()).slice(0, 10)
  const random = createSeededRandom(seed)
  const usedNumbers = new Set<string>()
  for (const plan of TENANT_PLANS) {
    for (const person of plan.scenario) {
      for (const number of [person.phone, person.mobile]) if (number) usedNumbers.add(lastNineDigits(number))
    }
  }
  const usedPlates = new Set<string>()
  const tenants = TENANT_PLANS.map((plan) =>
    buildTenant(plan, { seed, random, baseDate, usedNumbers, usedPlates }),
  )
  return { baseDate, seed, tenants, tenantsById: new Map(tenants.map((tenant) => [tenant.id, tenant])) }
}

interface BuildContext {
  seed: number
  random: SeededRandom
  baseDate: string
  usedNumbers: Set<string>
  usedPlates: Set<string>
}

function buildTenant(plan: TenantPlan, context: BuildContext): SandboxTenant {
  const { random } = context
  const tenant: SandboxTenant = {
    id: plan.id,
    name: plan.name,
    people: new Map(),
    vehicles: new Map(),
    calendar: new Map(),
    cases: new Map(),
    trips: new Map(),
    expenses: new Map(),
    expenseTypes: new Map(),
    expenseStatuses: EXPENSE_STATUSES,
    nextId: { calendar: 1, cases: 1, trips: 1, expenses: 1 },
  }
  const companyId = random.uuid()
  const orgUnits = plan.orgUnits.map((name, index) => ({
    id: random.uuid(),
    name,
    code: `${plan.code}-OU${index + 1}`,
  }))
  const usedNames = new Set<string>()
  let personIndex = 0
  const addPerson = (
    firstName: string,
    lastName: string,
    phone: string | null,
    mobile: string | null,
    orgUnit: number,
    personType: 'driver' | 'manager',
  ): PersonRecord => {
    personIndex++
    usedNames.add(`${firstName} ${lastName}`)
    const unit = orgUnits[orgUnit % orgUnits.length]!
    const code = `${plan.code}${String(personIndex).padStart(4, '0')}`
    const person: PersonRecord = {
      // Ids hang off the seed and position only, so they survive changes to other seeded values.
      Id: stableUuid(`${context.seed}:${plan.id}:person:${personIndex}`),
      TenantId: plan.id,
      Code: code,
      FirstName: firstName,
      LastName: lastName,
      DisplayName: `${code} - ${lastName}, ${firstName}`,
      Email: `${asciiFold(firstName)}.${asciiFold(lastName)}@${plan.emailDomain}`.toLowerCase(),
      Phone: phone,
      Mobile: mobile,
      OrgUnitId: unit.id,
      OrgUnitName: unit.name,
      OrgUnitCode: unit.code,
      CompanyId: companyId,
      CompanyName: plan.name,
      CompanyCode: plan.code,
      CostCenterName: `${unit.name} ${plan.code}`,
      PersonTypeId: personType === 'manager' ? 2 : 1,
      PersonTypeName: personType === 'manager' ? SANDBOX_FLEET_PERSON_TYPE : 'Vozač',
    }
    tenant.people.set(person.Id, person)
    return person
  }
  const vehicleContext = { plan, tenant, companyId, context }

  for (const scenario of plan.scenario) {
    const person = addPerson(
      scenario.firstName,
      scenario.lastName,
      scenario.phone,
      scenario.mobile,
      scenario.orgUnit,
      scenario.personType,
    )
    for (const vehicle of scenario.vehicles) {
      addVehicle(vehicleContext, {
        modelIndex: vehicle.model,
        plate: vehicle.plate,
        driver: person,
        registrationInDays: vehicle.registrationInDays,
        mileage: vehicle.mileage,
      })
    }
  }

  const generated: PersonRecord[] = []
  for (let index = 0; index < plan.generatedPeople; index++) {
    let firstName: string
    let lastName: string
    do {
      firstName = random.chance(0.55) ? random.pick(MALE_NAMES) : random.pick(FEMALE_NAMES)
      lastName = random.pick(SURNAMES)
    } while (usedNames.has(`${firstName} ${lastName}`))
    const [phone, mobile] = generatedNumbers(index, context)
    generated.push(
      addPerson(firstName, lastName, phone, mobile, random.int(0, orgUnits.length - 1), 'driver'),
    )
  }

  // Generated drivers: the first ones get one vehicle, the next ones two, the rest none.
  let driverIndex = 0
  for (let index = 0; index < plan.driversWithOne; index++) {
    addVehicle(vehicleContext, { driver: generated[driverIndex++]! })
  }
  for (let index = 0; index < plan.driversWithTwo; index++) {
    const driver = generated[driverIndex++]!
    addVehicle(vehicleContext, { driver })
    addVehicle(vehicleContext, { driver })
  }
  for (let index = 0; index < plan.poolVehicles; index++) addVehicle(vehicleContext, { driver: null })

  seedCalendar(tenant, plan, context)
  seedCases(tenant, context)
  seedTrips(tenant, context)
  seedExpenseTypes(tenant)
  seedExpenses(tenant, context)
  return tenant
}

/**
 * Phone spellings rotate through every form drivers actually type; every fifth person has the
 * number only in `Mobile`, every seventh has an office landline in `Phone` and the mobile in
 * `Mobile`.
 */
function generatedNumbers(index: number, context: BuildContext): [string | null, string | null] {
  const { random, usedNumbers } = context
  let national: string
  do {
    national = `${random.pick(['91', '92', '95', '97', '98', '99'])}${String(random.int(1_000_000, 9_999_999))}`
  } while (usedNumbers.has(national.slice(-9)))
  usedNumbers.add(national.slice(-9))
  const spelled = spellPhone(national, index)
  if (index % 5 === 4) return [null, spelled]
  if (index % 7 === 6) return [`+385 1 ${random.int(2000, 6999)} ${random.int(100, 999)}`, spelled]
  return [spelled, null]
}

/** `national` is the 9 digits after the country code (e.g. `912345678`). */
export function spellPhone(national: string, style: number): string {
  const operator = national.slice(0, 2)
  const rest = national.slice(2)
  switch (style % 6) {
    case 0:
      return `+385 ${operator} ${rest.slice(0, 3)} ${rest.slice(3)}`
    case 1:
      return `0${national}`
    case 2:
      return `00385${national}`
    case 3:
      return `385${national}`
    case 4:
      return `+385${national}`
    default:
      return `0${operator} ${rest.slice(0, 3)} ${rest.slice(3)}`
  }
}

interface VehicleContext {
  plan: TenantPlan
  tenant: SandboxTenant
  companyId: string
  context: BuildContext
}

interface VehicleSpec {
  driver: PersonRecord | null
  modelIndex?: number
  plate?: string
  registrationInDays?: number
  mileage?: number
}

function addVehicle(vehicleContext: VehicleContext, spec: VehicleSpec): VehicleRecord {
  const { plan, tenant, companyId, context } = vehicleContext
  const { random, baseDate } = context
  const model = VEHICLE_MODELS[spec.modelIndex ?? random.int(0, VEHICLE_MODELS.length - 1)]!
  const plate = spec.plate ?? uniquePlate(plan.plateCities, context)
  context.usedPlates.add(plate)
  const productionYear = Number(baseDate.slice(0, 4)) - random.int(0, 5)
  const ageYears = Number(baseDate.slice(0, 4)) - productionYear
  const mileage = spec.mileage ?? random.int(3_000, 28_000) + ageYears * random.int(18_000, 32_000)
  const duration = random.pick([36, 48, 60])
  const contractStart = addMonths(baseDate, -random.int(2, Math.min(duration - 1, 40)))
  const contractEnd = addDays(addMonths(contractStart, duration), -1)
  const yearlyMileage = random.pick([20_000, 25_000, 30_000, 40_000])
  const maintenanceMileagePeriod = random.pick([15_000, 20_000, 30_000])
  const registrationDue = addDays(baseDate, spec.registrationInDays ?? random.int(-5, 330))
  const serviceDue = addDays(baseDate, random.int(10, 200))
  const periodicActivities: PeriodicActivity[] = [
    {
      Name: 'Registracija',
      DueDate: registrationDue,
      LastDate: addDays(registrationDue, -365),
      PeriodDays: 365,
      DueMileage: null,
      PeriodMileage: null,
    },
    {
      Name: 'Redovni servis',
      DueDate: serviceDue,
      LastDate: addDays(serviceDue, -365),
      PeriodDays: 365,
      DueMileage: (Math.floor(mileage / maintenanceMileagePeriod) + 1) * maintenanceMileagePeriod,
      PeriodMileage: maintenanceMileagePeriod,
    },
  ]
  if (random.chance(0.6)) {
    const tyres = addDays(baseDate, random.int(5, 160))
    periodicActivities.push({
      Name: 'Zamjena guma',
      DueDate: tyres,
      LastDate: addDays(tyres, -182),
      PeriodDays: 182,
      DueMileage: null,
      PeriodMileage: null,
    })
  }
  const pooled = spec.driver === null
  const provider = random.pick(LEASING_HOUSES)
  const vehicle: VehicleRecord = {
    Id: stableUuid(`${context.seed}:${tenant.id}:vehicle:${tenant.vehicles.size + 1}`),
    TenantId: tenant.id,
    PoolId: pooled ? poolId(tenant.id) : null,
    PoolName: pooled ? 'Zajednički vozni park' : null,
    VehicleTypeId: model.typeId,
    VehicleTypeName: model.typeId === 2 ? 'Dostavno vozilo' : 'Osobno vozilo',
    MileageUnit: 'km',
    GeneralStatusId: 1,
    GeneralStatusName: 'Aktivno',
    AvailabilityId: pooled ? 1 : 2,
    Availability: pooled ? 'Dostupno za rezervaciju' : 'Dodijeljeno vozaču',
    LicencePlate: plate,
    FullVehicleName: `${model.manufacturer} ${model.model} ${model.variant} (${plate})`,
    VIN: vin(model.wmi, productionYear, random),
    Manufacturer: model.manufacturer,
    Model: model.model,
    DisplayName: `${model.manufacturer} ${model.model}`,
    LastMileage: mileage,
    LastMileageTime: localDateTime(
      addDays(baseDate, -random.int(1, 40)),
      random.int(7, 19),
      random.int(0, 59),
    ),
    MaintenanceMileagePeriod: maintenanceMileagePeriod,
    MaintenanceDaysPeriod: 365,
    ProductionYear: productionYear,
    Co2: model.co2,
    PeriodicActivities: periodicActivities,
    AcquiringTypeId: 1,
    AcquiringTypeName: 'Operativni leasing',
    ProviderId: stableUuid(provider),
    ProviderName: provider,
    SupplierId: random.uuid(),
    SupplierName: random.pick(SUPPLIERS),
    ContractId: `${provider.split(' ')[0]!.toUpperCase()}-${contractStart.slice(0, 4)}-${random.int(10_000, 99_999)}`,
    ContractStart: contractStart,
    ContractEnd: contractEnd,
    Duration: duration,
    StartingMileage: random.int(5, 60),
    YearlyMileage: yearlyMileage,
    MileageLimit: (yearlyMileage * duration) / 12,
    MonthlyAmount: Math.round(random.int(28_000, 89_000)) / 100,
    Driver: spec.driver ? `${spec.driver.FirstName} ${spec.driver.LastName}` : null,
    DriverId: spec.driver?.Id ?? null,
    OrgUnit: spec.driver?.OrgUnitName ?? null,
    Company: plan.name,
    CompanyId: companyId,
    CostCenter: spec.driver?.CostCenterName ?? null,
    LastChange: localDateTime(addDays(baseDate, -random.int(1, 60)), 9),
  }
  tenant.vehicles.set(vehicle.Id, vehicle)
  return vehicle
}

function uniquePlate(cities: string[], context: BuildContext): string {
  const { random, usedPlates } = context
  let plate: string
  do {
    const letters =
      PLATE_LETTERS[random.int(0, PLATE_LETTERS.length - 1)]! +
      (random.chance(0.8) ? PLATE_LETTERS[random.int(0, PLATE_LETTERS.length - 1)]! : '')
    plate = `${random.pick(cities)}-${random.int(100, 9999)}-${letters}`
  } while (usedPlates.has(plate))
  return plate
}

/** 17 characters: WMI (3), descriptor (5) + check digit, model year at 10, plant, serial (6). */
function vin(wmi: string, productionYear: number, random: SeededRandom): string {
  const yearCodes = 'ABCDEFGHJKLMNPRSTVWXY123456789'
  const yearCode = yearCodes[(productionYear - 2010 + yearCodes.length) % yearCodes.length]!
  let body = ''
  for (let index = 0; index < 5; index++) body += VIN_CHARS[random.int(0, VIN_CHARS.length - 1)]
  const check = String(random.int(0, 9))
  let serial = ''
  for (let index = 0; index < 6; index++) serial += String(random.int(0, 9))
  return `${wmi}${body}${check}${yearCode}${VIN_CHARS[random.int(0, 22)]}${serial}`
}

function seedCalendar(tenant: SandboxTenant, plan: TenantPlan, context: BuildContext): void {
  const { random, baseDate } = context
  const pool = [...tenant.vehicles.values()].filter((vehicle) => vehicle.AvailabilityId === 1)
  const people = [...tenant.people.values()]
  if (pool.length === 0) return
  const add = (entry: Omit<CalendarEntryRecord, 'Id' | 'TenantId'>): boolean => {
    const clash = [...tenant.calendar.values()].some(
      (other) =>
        other.VehicleId === entry.VehicleId &&
        other.FromTime < (entry.ToTime ?? '9999') &&
        entry.FromTime < (other.ToTime ?? '9999'),
    )
    if (clash) return false
    const id = tenant.nextId.calendar++
    tenant.calendar.set(id, { Id: id, TenantId: tenant.id, ...entry })
    return true
  }
  const booking = (person: PersonRecord, vehicle: VehicleRecord, day: number, from: number, to: number) => ({
    VehicleId: vehicle.Id,
    AssignedToId: person.Id,
    AssigneeType: 1,
    EntryType: 0,
    FromTime: localDateTime(addDays(baseDate, day), from),
    ToTime: localDateTime(addDays(baseDate, day), to),
    Description: random.pick(['Sastanak s klijentom', 'Službeni put', 'Obilazak terena', 'Dostava', null]),
    Price: null,
    OperatedBy: null,
    ExternalId: null,
  })
  // Scenario bookings first so they always exist: the person without a vehicle (the fourth
  // scenario person in tenant 1) has one past and two upcoming bookings.
  const bookingPerson = people[plan.scenario.length > 3 ? 3 : 0]!
  add(booking(bookingPerson, pool[0]!, -6, 8, 16))
  add(booking(bookingPerson, pool[1 % pool.length]!, 2, 9, 17))
  add(booking(bookingPerson, pool[2 % pool.length]!, 5, 7, 12))
  add(booking(people[0]!, pool[0]!, 3, 8, 15))
  // Tomorrow one pool vehicle is in the workshop all day.
  add({
    VehicleId: pool[pool.length - 1]!.Id,
    AssignedToId: people[people.length - 1]!.Id,
    AssigneeType: 1,
    EntryType: 3,
    FromTime: localDateTime(addDays(baseDate, 1), 0),
    ToTime: localDateTime(addDays(baseDate, 2), 0),
    Description: 'Redovni servis',
    Price: null,
    OperatedBy: null,
    ExternalId: null,
  })
  let attempts = 0
  let added = tenant.calendar.size
  while (added < plan.bookings && attempts++ < plan.bookings * 10) {
    const start = random.int(7, 12)
    const day = random.int(-10, 14)
    if (add(booking(random.pick(people), random.pick(pool), day, start, start + random.int(2, 8)))) added++
  }
}

const CASE_TYPES = [
  {
    id: 1,
    name: 'Šteta',
    subjects: ['Oštećenje branika', 'Ogrebotina na vratima', 'Napuknuto vjetrobransko staklo'],
  },
  { id: 2, name: 'Kvar', subjects: ['Upalila se lampica motora', 'Ne radi klima', 'Problem s kočnicama'] },
  { id: 3, name: 'Ostalo', subjects: ['Izgubljena kartica za gorivo', 'Nedostaje prva pomoć'] },
]
const CASE_STATUSES = [
  { id: 1, name: 'Otvoren' },
  { id: 2, name: 'U obradi' },
  { id: 3, name: 'Zatvoren' },
]

function seedCases(tenant: SandboxTenant, context: BuildContext): void {
  const { random, baseDate } = context
  const assigned = [...tenant.vehicles.values()].filter((vehicle) => vehicle.DriverId)
  const count = Math.max(3, Math.round(assigned.length * 0.9))
  for (let index = 0; index < count; index++) {
    // The first vehicle (the first scenario driver's) always has two cases.
    const vehicle = index < 2 ? assigned[0]! : random.pick(assigned)
    const driver = tenant.people.get(vehicle.DriverId!)!
    const type = index === 0 ? CASE_TYPES[1]! : random.pick(CASE_TYPES)
    const status = index === 0 ? CASE_STATUSES[0]! : random.pick(CASE_STATUSES)
    const raised = localDateTime(addDays(baseDate, -random.int(1, 90)), random.int(7, 18), random.int(0, 59))
    const subject = random.pick(type.subjects)
    addCase(tenant, {
      vehicle,
      person: driver,
      caseTypeId: type.id,
      caseTypeName: type.name,
      subject,
      message: `${subject}. Prijavio ${driver.FirstName} ${driver.LastName}.`,
      raisedOn: raised,
      statusId: status.id,
      status: status.name,
    })
  }
}

export interface NewCase {
  vehicle: VehicleRecord
  person: PersonRecord
  caseTypeId: number
  caseTypeName: string
  subject: string
  message: string
  /** Tenant-local datetime. */
  raisedOn: string
  statusId?: number
  status?: string
}

/** Shared by the seed and by AddCase so seeded and created cases look alike. */
export function addCase(tenant: SandboxTenant, input: NewCase): CaseRecord {
  const id = tenant.nextId.cases++
  const name = `${input.person.FirstName} ${input.person.LastName}`
  const record: CaseRecord = {
    Id: id,
    TenantId: tenant.id,
    VehicleId: input.vehicle.Id,
    VehicleName: input.vehicle.DisplayName,
    LicencePlate: input.vehicle.LicencePlate,
    VIN: input.vehicle.VIN,
    CaseTypeId: input.caseTypeId,
    CaseTypeName: input.caseTypeName,
    Subject: input.subject,
    Description: input.message,
    CaseStatusId: input.statusId ?? 1,
    CaseStatus: input.status ?? 'Otvoren',
    SeverityId: input.caseTypeId === 1 ? 2 : 1,
    Severity: input.caseTypeId === 1 ? 'Srednja' : 'Niska',
    TimeZone: 'Europe/Zagreb',
    StartTime: input.raisedOn,
    RaisedOn: input.raisedOn,
    UtcRaisedOn: utcFromLocal(input.raisedOn),
    AssigneeId: input.person.Id,
    AssigneeName: name,
    RaisedByAssigneeId: input.person.Id,
    RaisedByAssigneeName: name,
    Mileage: input.vehicle.LastMileage,
    LastChange: input.raisedOn,
  }
  tenant.cases.set(id, record)
  return record
}

const ROUTES = [
  ['Zagreb', 'Karlovac'],
  ['Zagreb', 'Varaždin'],
  ['Zagreb', 'Sisak'],
  ['Zagreb', 'Rijeka'],
  ['Split', 'Zadar'],
  ['Rijeka', 'Pula'],
  ['Osijek', 'Vukovar'],
  ['Zagreb', 'Velika Gorica'],
]

function seedTrips(tenant: SandboxTenant, context: BuildContext): void {
  const { random, baseDate } = context
  for (const vehicle of tenant.vehicles.values()) {
    if (!vehicle.DriverId) continue
    const driver = tenant.people.get(vehicle.DriverId)!
    const trips = random.int(0, 4) + (tenant.trips.size === 0 ? 3 : 0)
    let odometer = vehicle.LastMileage - random.int(800, 2500)
    for (let index = 0; index < trips; index++) {
      const [from, to] = random.pick(ROUTES) as [string, string]
      const distance = random.int(15, 180)
      const minutes = Math.round(distance * (0.8 + random.next() * 0.6))
      const day = addDays(baseDate, -random.int(1, 30))
      const startHour = random.int(7, 15)
      const id = tenant.nextId.trips++
      const trip: TripRecord = {
        Id: id,
        TenantId: tenant.id,
        TripNo: `PN-${baseDate.slice(0, 4)}-${String(id).padStart(4, '0')}`,
        Route: `${from} - ${to}`,
        TripTypeId: random.chance(0.85) ? 1 : 2,
        TripTypeName: '',
        VehicleId: vehicle.Id,
        VehicleName: vehicle.DisplayName,
        LicencePlate: vehicle.LicencePlate,
        StartTime: localDateTime(day, startHour),
        StartUnits: odometer,
        StartLocation: from,
        EndTime: localDateTime(day, startHour + Math.ceil(minutes / 60)),
        EndUnits: odometer + distance,
        EndLocation: to,
        PersonId: driver.Id,
        PersonName: `${driver.FirstName} ${driver.LastName}`,
        Comment: random.chance(0.3) ? 'Posjet klijentu' : null,
        Distance: distance,
        Minutes: minutes,
      }
      trip.TripTypeName = trip.TripTypeId === 1 ? 'Službeni' : 'Privatni'
      odometer += distance
      tenant.trips.set(id, trip)
    }
  }
}

/** What seeded expenses were paid for (picked at random, in this order: the seed's draws depend on it). */
const EXPENSE_TYPES = [
  {
    id: 1,
    name: 'Gorivo',
    code: 'GORIVO',
    partners: ['INA', 'Petrol', 'Tifon', 'Crodux'],
    unit: [1.45, 1.62],
    quantity: [25, 55],
  },
  {
    id: 2,
    name: 'Cestarina',
    code: 'CESTARINA',
    partners: ['HAC', 'ARZ', 'Bina Istra'],
    unit: [3.2, 19.9],
    quantity: [1, 1],
  },
  {
    id: 3,
    name: 'Parking',
    code: 'PARKING',
    partners: ['Zagrebački holding', 'Split parking', 'Rijeka promet'],
    unit: [1.6, 3],
    quantity: [1, 6],
  },
  {
    id: 4,
    name: 'Pranje vozila',
    code: 'PRANJE',
    partners: ['Autopraonica Jadran', 'Washtec'],
    unit: [8, 15],
    quantity: [1, 1],
  },
]

/** Expense types no seeded expense uses, listed after the seeded ones. */
const OTHER_EXPENSE_TYPES = [
  { id: 5, name: 'Servis i održavanje', code: 'SERVIS' },
  { id: 6, name: 'Ostalo', code: 'OSTALO' },
]

const EXPENSE_STATUSES = [
  { Id: 1, Name: 'Na čekanju' },
  { Id: 2, Name: 'Odobreno' },
] as const

/** The tenant's expense types: fixed names and ids (no random draws, so the seed's other data stays). */
function seedExpenseTypes(tenant: SandboxTenant): void {
  for (const type of [...EXPENSE_TYPES, ...OTHER_EXPENSE_TYPES]) {
    tenant.expenseTypes.set(type.id, {
      Id: type.id,
      TenantId: tenant.id,
      Name: type.name,
      Code: type.code,
      Description: null,
      Active: true,
    })
  }
}

function seedExpenses(tenant: SandboxTenant, context: BuildContext): void {
  const { random, baseDate } = context
  for (const vehicle of tenant.vehicles.values()) {
    if (!vehicle.DriverId) continue
    const driver = tenant.people.get(vehicle.DriverId)!
    const count = random.int(2, 6)
    for (let index = 0; index < count; index++) {
      const type = random.pick(EXPENSE_TYPES)
      const quantity =
        type.quantity[0] === type.quantity[1] ? 1 : random.int(type.quantity[0]!, type.quantity[1]!)
      const price = Math.round((type.unit[0]! + random.next() * (type.unit[1]! - type.unit[0]!)) * 100) / 100
      const day = addDays(baseDate, -random.int(1, 60))
      const id = tenant.nextId.expenses++
      const record: ExpenseRecord = {
        Id: id,
        TenantId: tenant.id,
        ExpenseDate: day,
        TransactionTime: localDateTime(day, random.int(6, 21), random.int(0, 59)),
        ExpenseTypeId: type.id,
        ExpenseTypeName: type.name,
        Quantity: quantity,
        PricePerUnit: price,
        Amount: Math.round(quantity * price * 100) / 100,
        Description: type.id === 1 ? 'Eurodiesel' : null,
        StatusId: random.chance(0.7) ? 2 : 1,
        Status: '',
        VehicleId: vehicle.Id,
        VehicleName: vehicle.DisplayName,
        LicencePlate: vehicle.LicencePlate,
        PersonId: driver.Id,
        PersonName: `${driver.FirstName} ${driver.LastName}`,
        PartnerName: random.pick(type.partners),
        Location: random.chance(0.5) ? random.pick(['Zagreb', 'Split', 'Rijeka', 'Osijek', 'Zadar']) : null,
      }
      record.Status = EXPENSE_STATUSES.find((status) => status.Id === record.StatusId)!.Name
      tenant.expenses.set(id, record)
    }
  }
}

function addMonths(localDate: string, months: number): string {
  const [year, month, day] = localDate.split('-').map(Number)
  const target = new Date(Date.UTC(year!, month! - 1 + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day!, lastDay))
  return target.toISOString().slice(0, 10)
}

function poolId(tenantId: string): string {
  return stableUuid(`pool:${tenantId}`)
}

/** A uuid that depends only on the text (leasing houses keep one id across tenants). */
function stableUuid(text: string): string {
  return createSeededRandom(text).uuid()
}

/** Tenant-local wall time to UTC, for the Utc* fields. */
export function utcFromLocal(local: string): string {
  const asUtc = new Date(`${local}Z`)
  const offsetMinutes = zagrebOffsetMinutes(asUtc)
  return new Date(asUtc.getTime() - offsetMinutes * 60_000).toISOString().slice(0, 19)
}

function zagrebOffsetMinutes(instant: Date): number {
  const local = formatLocalDateTime(instant)
  return Math.round((new Date(`${local}Z`).getTime() - instant.getTime()) / 60_000)
}

export function lastNineDigits(phone: string): string {
  return phone.replace(/\D/g, '').slice(-9)
}

function asciiFold(text: string): string {
  return text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
}
