import type { Tool } from '../../registry/tool.ts'
import { ReplyTextBuilder } from '../reply-text-builder.ts'
import { shortenText } from '../shorten-text.ts'
import { WHATSAPP_LIMITS } from '../whatsapp-limits.ts'
import { catalogueTexts } from './catalogue-texts.ts'
import type { EntityNames } from './entity-names.ts'
import { type FieldScore, type RenderQuestion, scoreFields } from './field-relevance.ts'
import {
  currencyOf,
  formatFieldValue,
  isDateText,
  isIdLike,
  type ValueContext,
} from './format-field-value.ts'
import { type FieldPlan, planField } from './plan-field.ts'
import { presentTool, type ToolPresentation } from './present-tool.ts'

/**
 * Renders what a catalogue read returned for a person: a heading per entity, a title per record
 * (names, never ids), a few fields chosen by relevance to the question, Croatian labels and
 * values, and nothing technical. A tool whose output cannot be shown meaningfully gets
 * `not-renderable` instead of its output.
 */

export type NotRenderableReason =
  /** The tool's output is for programs: projections, group-bys, files, schemas. */
  | 'technical-tool'
  /** A bare value nothing says the meaning of. */
  | 'no-meaning'
  /** Records with nothing a person can read once ids, codes and flags are left out. */
  | 'nothing-readable'

export type CatalogueRendering =
  | { kind: 'shown'; text: string; items: number; fields: readonly string[] }
  | { kind: 'empty'; text: string }
  | { kind: 'not-renderable'; reason: NotRenderableReason }

export interface RenderOptions {
  question?: RenderQuestion
  /** The records are the user's own (a driver's scoped read): headings say "Vaša vozila". */
  own?: boolean
  /** The arguments of the call: an aggregate's `function` changes what its number means. */
  args?: Readonly<Record<string, unknown>>
  /** Characters available (default: one WhatsApp message). */
  limit?: number
}

type Row = Record<string, unknown>

interface Shown {
  label: string
  value: string
  field: string
}

interface Item {
  title?: string
  /** "br. 12" for records people know by number. */
  number?: string
  fields: Shown[]
}

/** Fields per record: a few in a list, a few more for one record. */
const LIST_FIELDS = 3
const RECORD_FIELDS = 6
const NESTED_ITEMS = 3
const LINE_LIMIT = 220
/** A value this long already in the title is not repeated ("Da" in "Dacia" is no repeat). */
const MIN_REPEAT = 4
const KEY_FIELDS = ['ColumnName', 'PropertyName']
const VALUE_FIELDS = ['Value', 'PropertyValue']
const PLATE_FIELDS = ['LicencePlate', 'Plate']
const OWN_HEADINGS: Readonly<Record<string, string>> = {
  Oprema: 'Vaša oprema',
  'Osobni podaci': 'Vaši osobni podaci',
  'Pregled vozila': 'Pregled vaših vozila',
  'Povijest vozila': 'Povijest vaših vozila',
  'Dostupnost vozila': 'Dostupnost vaših vozila',
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

function heading(names: EntityNames | undefined, single: boolean, own: boolean): string {
  if (!names) return catalogueTexts.records
  const text = single ? names.one : names.many
  if (!own) return text
  const special = OWN_HEADINGS[text]
  if (special) return special
  const possessive = single && names.one !== names.many ? catalogueTexts.yourOne : catalogueTexts.yours
  return `${possessive[names.gender]} ${lowerFirst(text)}`
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function valueContext(record: Row): ValueContext {
  const unit = record.MileageUnit
  return { currency: currencyOf(record), distanceUnit: typeof unit === 'string' ? unit : undefined }
}

function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const text = String(value).trim()
  return text && !isIdLike(text) && !isDateText(text) ? shortenText(text, 120) : undefined
}

/** The name of one record: its own name field, with the plate when the name lacks it. */
function titleOf(
  record: Row,
  presentation: ToolPresentation,
): { title?: string; field?: string; number?: string } {
  let title: string | undefined
  let field: string | undefined
  for (const candidate of presentation.titleFields) {
    const text = textOf(record[candidate])
    if (text) {
      title = text
      field = candidate
      break
    }
  }
  if (!title && typeof record.FirstName === 'string' && typeof record.LastName === 'string') {
    title = `${record.FirstName} ${record.LastName}`.trim() || undefined
    field = 'FirstName'
  }
  if (title && field && presentation.vehicleTitleFields.has(field)) {
    for (const plateField of PLATE_FIELDS) {
      const plate = textOf(record[plateField])
      if (plate && !title.includes(plate)) title = `${title} (${plate})`
    }
  }
  const id = record.Id
  const number =
    presentation.numbered && typeof id === 'number' && Number.isInteger(id) && id > 0
      ? catalogueTexts.number(id)
      : undefined
  return { title, field, number }
}

/** A row inside a record: its name, with its first date ("Registracija (29.03.2026.)"). */
function nestedRowText(row: Row, presentation: ToolPresentation): string | undefined {
  const title = titleOf(row, presentation).title
  if (!title) return undefined
  for (const [name, value] of Object.entries(row)) {
    if (typeof value !== 'string' || !isDateText(value) || !planField(name)) continue
    const date = formatFieldValue(value, 'auto', name)
    if (date) return `${title} (${date})`
  }
  return title
}

/** A nested record by its name; a list by its first names; anything else not at all. */
function nestedText(value: unknown, presentation: ToolPresentation): string | undefined {
  if (isRow(value)) return titleOf(value, presentation).title
  if (!Array.isArray(value) || value.length === 0) return undefined
  const parts: string[] = []
  for (const element of value.slice(0, NESTED_ITEMS)) {
    const text = isRow(element) ? nestedRowText(element, presentation) : textOf(element)
    if (text) parts.push(text)
  }
  if (parts.length === 0) return undefined
  return value.length > NESTED_ITEMS ? `${parts.join(', ')}, …` : parts.join(', ')
}

function hasDate(record: Row): boolean {
  for (const value of Object.values(record)) if (typeof value === 'string' && isDateText(value)) return true
  return false
}

function describe(record: Row, presentation: ToolPresentation, score: FieldScore, maxFields: number): Item {
  // Tenant-defined extra data: the record's own name for the value is its label.
  const keyField = KEY_FIELDS.find((field) => typeof record[field] === 'string')
  const valueField = VALUE_FIELDS.find((field) => record[field] !== undefined && record[field] !== null)
  if (keyField && valueField) {
    const title = textOf(record[keyField])
    const value = formatFieldValue(record[valueField], 'auto', valueField)
    return { title: title && value ? `${title}: ${value}` : title, fields: [] }
  }
  const { title, field: titleField, number } = titleOf(record, presentation)
  const context = valueContext(record)
  const dated = hasDate(record)
  const candidates: { plan: FieldPlan; value: string; score: number; order: number }[] = []
  let order = 0
  for (const [name, raw] of Object.entries(record)) {
    order++
    if (name === titleField) continue
    const plan = planField(name)
    if (!plan) continue
    // A coded value shown by its name field; date parts shown by the date itself.
    if (plan.kind === 'enum' && typeof raw === 'number' && record[`${name}Name`] !== undefined) continue
    if ((plan.kind === 'year' || plan.kind === 'month' || plan.kind === 'quarter') && dated) continue
    const value =
      typeof raw === 'object' && raw !== null
        ? nestedText(raw, presentation)
        : formatFieldValue(raw, plan.kind, name, context)
    if (!value || (title && value.length >= MIN_REPEAT && title.includes(value))) continue
    candidates.push({ plan, value, score: score(plan), order })
  }
  candidates.sort((left, right) => right.score - left.score || left.order - right.order)
  const fields: Shown[] = []
  const labels = new Set<string>()
  const values = new Set<string>()
  for (const candidate of candidates) {
    if (fields.length >= maxFields) break
    if (candidate.score <= 0) break
    if (labels.has(candidate.plan.label) || values.has(candidate.value)) continue
    labels.add(candidate.plan.label)
    values.add(candidate.value)
    fields.push({ label: candidate.plan.label, value: candidate.value, field: candidate.plan.name })
  }
  return { title, number, fields }
}

function rowsOf(result: unknown): { rows?: unknown[]; record?: Row; total?: number } {
  if (Array.isArray(result)) return { rows: result }
  if (!isRow(result)) return {}
  const data = result.Data
  const count = typeof result.Count === 'number' ? result.Count : undefined
  if (Array.isArray(data)) return { rows: data, total: count }
  if (isRow(data)) return { record: data }
  if ('Data' in result && (data === null || data === undefined)) return { rows: [] }
  return { record: result }
}

function scalarRendering(
  result: unknown,
  presentation: ToolPresentation,
  options: RenderOptions,
): CatalogueRendering {
  const scalar = presentation.scalar
  const fn = options.args?.function ?? options.args?.aggregateField
  const counts = !scalar?.aggregate || fn === undefined || String(fn).toLowerCase() === 'count'
  if (!scalar || !counts || typeof result !== 'number')
    return { kind: 'not-renderable', reason: 'no-meaning' }
  // A count is a whole number; anything else is not what we think the aggregate returned.
  if (scalar.aggregate && (!Number.isInteger(result) || result < 0))
    return { kind: 'not-renderable', reason: 'no-meaning' }
  const value = formatFieldValue(result, scalar.kind, '', {})
  if (!value) return { kind: 'not-renderable', reason: 'no-meaning' }
  return { kind: 'shown', text: `*${scalar.label}*: ${value}`, items: 1, fields: [] }
}

function itemLine(item: Item): string {
  const details = item.fields.map((shown) => `${shown.label}: ${shown.value}`).join(', ')
  const name = item.title ? `*${item.title}*${item.number ? ` (${item.number})` : ''}` : item.number
  const line = name ? (details ? `${name} – ${details}` : name) : details
  return shortenText(line, LINE_LIMIT)
}

/** "Slučaj br. 12: Problem s kočnicama", "Vaše vozilo: Škoda Octavia (ZG-5521-KL)". */
function recordHeading(head: string, item: Item): string {
  const named = item.number ? `${head} ${item.number}` : head
  return item.title ? `*${named}*: ${item.title}` : `*${named}*`
}

/** The name a record of this tool goes by ("Škoda Octavia (ZG-5521-KL)", "Kvar"), e.g. in a choice list. */
export function recordTitle(tool: Tool, record: unknown): string | undefined {
  if (!isRow(record)) return textOf(record)
  const { title, number } = titleOf(record, presentTool(tool))
  return title && number ? `${title} (${number})` : (title ?? number)
}

export function renderCatalogueRead(
  tool: Tool,
  result: unknown,
  options: RenderOptions = {},
): CatalogueRendering {
  const presentation = presentTool(tool)
  if (!presentation.readable) return { kind: 'not-renderable', reason: 'technical-tool' }
  const own = options.own ?? false
  const empty = (): CatalogueRendering => ({
    kind: 'empty',
    text: `*${heading(presentation.names, false, own)}*\n${catalogueTexts.nothing}`,
  })
  if (result === undefined || result === null || result === '') return empty()
  if (typeof result !== 'object') return scalarRendering(result, presentation, options)
  const { rows, record, total } = rowsOf(result)
  const score = scoreFields(options.question, presentation)
  const builder = new ReplyTextBuilder(options.limit ?? WHATSAPP_LIMITS.text)

  const single =
    record ?? (rows && rows.length === 1 && (total ?? 1) <= 1 && isRow(rows[0]) ? rows[0] : undefined)
  if (single) {
    const item = describe(single, presentation, score, RECORD_FIELDS)
    if (!item.title && item.fields.length === 0) return { kind: 'not-renderable', reason: 'nothing-readable' }
    builder.addLine(recordHeading(heading(presentation.names, true, own), item))
    for (const shown of item.fields) builder.addShortenedLine(`${shown.label}: ${shown.value}`)
    return { kind: 'shown', text: builder.build(), items: 1, fields: item.fields.map((shown) => shown.field) }
  }
  if (!rows) return { kind: 'not-renderable', reason: 'no-meaning' }
  if (rows.length === 0) return empty()

  const items: Item[] = []
  for (const row of rows) {
    if (isRow(row)) items.push(describe(row, presentation, score, LIST_FIELDS))
    else {
      const text = textOf(row)
      if (text) items.push({ title: text, fields: [] })
    }
  }
  const readable = items.filter((item) => item.title || item.number || item.fields.length > 0)
  if (readable.length === 0) return { kind: 'not-renderable', reason: 'nothing-readable' }
  builder.addLine(`*${heading(presentation.names, false, own)}*`)
  const hidden = rows.length - readable.length
  builder.addList(readable, itemLine, { total: Math.max(total ?? rows.length, rows.length) - hidden })
  const fields = new Set<string>()
  for (const item of readable) for (const shown of item.fields) fields.add(shown.field)
  return { kind: 'shown', text: builder.build(), items: readable.length, fields: [...fields] }
}
