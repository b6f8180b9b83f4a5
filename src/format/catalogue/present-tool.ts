import type { Tool } from '../../registry/tool.ts'
import { identifierWords } from '../../search/identifier-words.ts'
import { foldText, tokenize } from '../../understanding/entities/normalize-text.ts'
import { catalogueTexts } from './catalogue-texts.ts'
import { type EntityNames, entityNames } from './entity-names.ts'
import type { ValueKind } from './plan-field.ts'

/** What a tool's answer is about, decided once per tool from its path. */
export interface ToolPresentation {
  /** False for tools whose output is for programs (projections, group-bys, files, schemas). */
  readable: boolean
  /** Croatian names of what the tool returns; undefined when there are none. */
  names?: EntityNames
  /** The meaning of a bare number the tool answers with; without one a number is not shown. */
  scalar?: { label: string; kind: ValueKind; aggregate: boolean }
  /** Record ids are numbers people use ("slučaj br. 12"). */
  numbered: boolean
  /** Fields that name one record, best first. */
  titleFields: readonly string[]
  /** Title fields that name a vehicle (for this tool): such a title gets the plate. */
  vehicleTitleFields: ReadonlySet<string>
  /** The entity's own words: naming the collection says nothing about which field matters. */
  entityWords: ReadonlySet<string>
  entityPrefixes: ReadonlySet<string>
}

/** Static path segments of tools whose output is not for people. */
const TECHNICAL_SEGMENTS = new Set(
  [
    'GroupBy',
    'ProjectTo',
    'thumb',
    'external-info',
    'FileIds',
    'SearchTypes',
    'EntityTypes',
    'WhatCanIDo',
  ].map((segment) => segment.toLowerCase()),
)
const TECHNICAL_ENTITIES = new Set(['metadata', 'dashboarditems', 'demo', 'settings', 'tenantpermissions'])
/** Entities whose records are vehicles: "vozilo" in the question names the collection, not a field. */
const VEHICLE_ENTITIES = new Set([
  'masterdata',
  'master',
  'availablevehicles',
  'vehicleboard',
  'vehicleinputhelper',
])
const NUMBERED_ENTITIES = new Set(
  [
    'Cases',
    'Trips',
    'VehicleCalendar',
    'Expenses',
    'EquipmentCalendar',
    'LatestVehicleCalendar',
    'LatestEquipmentCalendar',
  ].map((entity) => entity.toLowerCase()),
)

function plain(one: string, many = one, gender: EntityNames['gender'] = 'n'): EntityNames {
  return { one, many, manyOf: many.charAt(0).toLowerCase() + many.slice(1), gender }
}

/** Tools whose path says more than their entity: statistics and input helpers. */
const PATH_NAMES: Readonly<Record<string, EntityNames>> = {
  '/Lookup/AssignedToId': plain('Korisnik', 'Korisnici', 'm'),
  '/Stats/NoMileageSince': plain('Vozilo bez očitanja kilometraže', 'Vozila bez očitanja kilometraže'),
  '/VehicleInputHelper/DistinctBrands': plain('Marka vozila', 'Marke vozila', 'f'),
  '/VehicleInputHelper/DistinctMakes': plain('Marka vozila', 'Marke vozila', 'f'),
  '/VehicleInputHelper/DistinctModels': plain('Model vozila', 'Modeli vozila', 'm'),
  '/VehicleInputHelper/PreviousVehicle/{fullModelName}': plain('Prethodno vozilo tog modela'),
  '/ExpensesInputHelper/CompanyVehicles/{companyId}/{date}': plain('Vozilo tvrtke', 'Vozila tvrtke'),
}

/** Statistics that answer with one number, and what the number is. */
const SCALARS: Readonly<Record<string, { label: string; kind: ValueKind }>> = {
  '/Stats/FleetAverageMonthlyMileage/{year}/{month}': {
    label: 'Prosječna mjesečna kilometraža flote',
    kind: 'km',
  },
  '/Stats/FleetAverageMonthlyExpenses': { label: 'Prosječni mjesečni troškovi flote', kind: 'money' },
  '/Stats/VehicleAverageMonthlyExpenses/{vehicleId}': {
    label: 'Prosječni mjesečni troškovi vozila',
    kind: 'money',
  },
  '/Stats/NumOfVehiclesWithoutMileageSince': {
    label: 'Broj vozila bez očitanja kilometraže',
    kind: 'auto',
  },
}

/** Fields naming one record, best first; the entity's own `XName` / `XTypeName` come before the generic ones. */
const LEADING_TITLE_FIELDS = ['FullVehicleName', 'DisplayName', 'FullName', 'Subject', 'Title', 'Route']
const TRAILING_TITLE_FIELDS = [
  'Name',
  'PeriodicActivityTypeName',
  'ExpenseTypeName',
  'EquipmentDisplayName',
  'EquipmentName',
  'TypeName',
  'PersonName',
  'VehicleName',
  'AssigneeName',
  'LicencePlate',
  'Code',
]
/** Titles that name a vehicle: the plate is added when the name lacks it. */
const VEHICLE_TITLE_FIELDS = new Set([
  'FullVehicleName',
  'VehicleName',
  'DisplayName',
  'Name',
  'EquipmentName',
])

function staticSegments(tool: Tool): string[] {
  return tool.path.split('/').filter((segment) => segment && !segment.startsWith('{'))
}

function pascal(words: readonly string[]): string {
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')
}

function namesOf(tool: Tool, segments: readonly string[]): EntityNames | undefined {
  const byPath = PATH_NAMES[tool.path]
  if (byPath) return byPath
  const last = segments[segments.length - 1]?.toLowerCase()
  if (last === 'documents') return plain(catalogueTexts.documents, catalogueTexts.documents, 'm')
  if (last === 'metadata') return plain(catalogueTexts.extraData, catalogueTexts.extraData, 'm')
  if (tool.entity.toLowerCase() === 'lookup' && segments[1]) return entityNames(segments[1])
  return entityNames(tool.entity)
}

function present(tool: Tool): ToolPresentation {
  const segments = staticSegments(tool)
  const lowerSegments = segments.map((segment) => segment.toLowerCase())
  const downloadsFile =
    lowerSegments.includes('documents') &&
    tool.parameters.some((parameter) => parameter.name === 'documentId')
  const readable =
    tool.readOnly &&
    !downloadsFile &&
    !TECHNICAL_ENTITIES.has(tool.entity.toLowerCase()) &&
    !lowerSegments.some((segment) => TECHNICAL_SEGMENTS.has(segment))
  const names = namesOf(tool, segments)
  const aggregate = lowerSegments[lowerSegments.length - 1] === 'agg'
  const curatedScalar = SCALARS[tool.path]
  const scalar = curatedScalar
    ? { ...curatedScalar, aggregate: false }
    : aggregate && names
      ? { label: catalogueTexts.countOf(names.manyOf), kind: 'auto' as const, aggregate: true }
      : undefined
  const words = identifierWords(tool.entity === 'Lookup' && segments[1] ? segments[1] : tool.entity)
  const singular = pascal(words)
  const entityPrefixes = new Set<string>()
  for (const text of [names?.one, names?.many])
    if (text) for (const word of tokenize(foldText(text))) entityPrefixes.add(word.slice(0, 5))
  return {
    readable,
    names,
    scalar,
    numbered: NUMBERED_ENTITIES.has(tool.entity.toLowerCase()),
    titleFields: [
      ...LEADING_TITLE_FIELDS,
      `${singular}Name`,
      `${singular}TypeName`,
      ...TRAILING_TITLE_FIELDS,
    ],
    vehicleTitleFields: words.includes('vehicle')
      ? VEHICLE_TITLE_FIELDS
      : new Set(['FullVehicleName', 'VehicleName']),
    entityWords: new Set(VEHICLE_ENTITIES.has(tool.entity.toLowerCase()) ? [...words, 'vehicle'] : words),
    entityPrefixes,
  }
}

const presentations = new WeakMap<Tool, ToolPresentation>()

/** The presentation of a tool, computed on first use and kept as long as the tool is. */
export function presentTool(tool: Tool): ToolPresentation {
  let presentation = presentations.get(tool)
  if (!presentation) {
    presentation = present(tool)
    presentations.set(tool, presentation)
  }
  return presentation
}
