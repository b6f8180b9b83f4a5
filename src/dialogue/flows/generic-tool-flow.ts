import { formatDate, formatDateTime, formatNumberedList, shortenText } from '../../format/index.ts'
import type { FleetRequest } from '../../ports/fleet-api.ts'
import type { Reply } from '../../ports/messages.ts'
import type { Tool, ToolField, ToolParameter } from '../../registry/tool.ts'
import type { ShownItem } from '../../store/conversation-state.ts'
import { parseCroatianNumber } from '../../understanding/entities/parse-number.ts'
import { buildChoiceReply } from '../choice-reply.ts'
import {
  moveToAwaitingConfirmation,
  moveToAwaitingSelection,
  moveToCollectingSlots,
  moveToIdle,
} from '../dialogue-state.ts'
import type { AbsorbPhase, Flow } from '../flow.ts'
import { requireVehicle } from '../pick-vehicle.ts'
import { entityLabel, fieldLabel } from '../texts/api-labels.ts'
import { confirmButtons } from '../texts/common-texts.ts'
import { genericTexts } from '../texts/generic-texts.ts'
import type { TurnScope } from '../turn-scope.ts'
import { guardedWrite } from './guarded-write.ts'

type Needed = (ToolParameter | (ToolField & { in: 'body' })) & { in: string }

const LABEL_FIELDS = [
  'DisplayName',
  'FullVehicleName',
  'Name',
  'Title',
  'Subject',
  'LicencePlate',
  'Code',
  'Description',
]
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/
const PROVIDER_ROWS = 20
const RESULT_ROWS = 10
const MAX_OBJECT_FIELDS = 12

/** Required inputs of a tool in asking order: path, then query, then body. */
export function neededInputs(tool: Tool): Needed[] {
  const path = tool.parameters.filter((parameter) => parameter.in === 'path')
  const query = tool.parameters.filter((parameter) => parameter.in === 'query' && parameter.required)
  const body = tool.requestBody
    .filter((field) => field.required)
    .map((field) => ({ ...field, in: 'body' as const }))
  return [...path, ...query, ...body]
}

function hintOf(field: ToolField): string | undefined {
  if (field.description) return shortenText(field.description.split(/(?<=[.!?])\s/)[0]!, 80)
  if (field.format === 'date-time' || field.format === 'date') return 'datum, npr. 15.03.2026.'
  if (field.type === 'integer' || field.type === 'number') return 'broj'
  return undefined
}

/** A Croatian heading from the tool's entity: the spec summaries are English. */
function toolTitle(tool: Tool): string {
  const entity = tool.entity || tool.path
  return tool.readOnly
    ? genericTexts.readTitle(entityLabel(entity), entity)
    : genericTexts.writeTitle(tool.method, entityLabel(entity), entity)
}

function parameters(scope: TurnScope): Record<string, unknown> {
  const slots = scope.state.slots
  if (!slots.params || typeof slots.params !== 'object') slots.params = {}
  return slots.params as Record<string, unknown>
}

function toolOf(scope: TurnScope): Tool | undefined {
  const id = scope.state.slots.tool
  return typeof id === 'string' ? scope.deps.registry?.get(id) : undefined
}

function labelOf(record: Record<string, unknown>, fallback: string): string {
  for (const field of LABEL_FIELDS) {
    const value = record[field]
    if (typeof value === 'string' && value.trim()) return value.trim()
  }
  return fallback
}

function formatValue(value: unknown): string {
  if (typeof value === 'string' && DATE_LIKE.test(value))
    return value.length > 10 ? formatDateTime(value) : formatDate(value)
  if (typeof value === 'boolean') return value ? 'da' : 'ne'
  return String(value)
}

/** One item as a short line, or an object as "Field: value" lines of its scalar fields. */
export function formatRecord(record: Record<string, unknown>, maxFields = MAX_OBJECT_FIELDS): string[] {
  const lines: string[] = []
  for (const [field, value] of Object.entries(record)) {
    if (lines.length >= maxFields) break
    if (value === null || value === undefined || value === '' || typeof value === 'object') continue
    if (/(^|_)id$|Id$/.test(field) && typeof value === 'string' && value.length > 20) continue
    // "PersonTypeId: 1" next to "PersonTypeName: Vozač": the name says it.
    if (field.endsWith('Id') && record[`${field.slice(0, -2)}Name`]) continue
    lines.push(`${fieldLabel(field)}: ${formatValue(value)}`)
  }
  return lines
}

function buildRequest(scope: TurnScope, tool: Tool, values: Record<string, unknown>): FleetRequest {
  const pathParams: Record<string, string | number> = {}
  const query: Record<string, string | number | boolean> = {}
  const body: Record<string, unknown> = {}
  for (const parameter of tool.parameters) {
    const value = values[parameter.name]
    if (value === undefined) continue
    if (parameter.in === 'path') pathParams[parameter.name] = value as string | number
    else if (parameter.in === 'query') query[parameter.name] = value as string | number | boolean
  }
  for (const field of tool.requestBody)
    if (values[field.name] !== undefined) body[field.name] = values[field.name]
  const request: FleetRequest = {
    service: tool.service,
    method: tool.method.toUpperCase() as FleetRequest['method'],
    path: tool.path,
    pathParams,
    query,
    tenantId: scope.user.tenantId,
    operation: tool.id,
  }
  if (tool.method !== 'get' && tool.method !== 'delete') request.body = body
  // Owner filters and context values are the access policy's (scope.fleet), not the caller's.
  if (tool.returnsList && tool.method === 'get') request.paging = { first: 0, rows: RESULT_ROWS }
  return request
}

/**
 * A value another tool provides (e.g. a `CostCenterId` from `get_CostCenters`), found in O(1)
 * through the registry's provider index, read scoped to the user and cached per user.
 */
async function resolveDependency(
  scope: TurnScope,
  name: string,
  self: Tool,
): Promise<{ value: unknown; label: string }[]> {
  const { registry, providerCache } = scope.deps
  const { tenantId, personId } = scope.user
  const cached = providerCache?.get(tenantId, personId, name)
  if (cached) return cached as { value: unknown; label: string }[]
  const provider = registry
    ?.providersOf(name)
    .find(
      (tool) => tool.id !== self.id && tool.returnsList && neededInputs(tool).every((input) => input.context),
    )
  if (!provider) return []
  const request = buildRequest(scope, provider, {})
  request.paging = { first: 0, rows: PROVIDER_ROWS }
  const list = await scope.tools.call(provider.id, { field: name }, () =>
    scope.fleet.list<Record<string, unknown>>(request),
  )
  const options: { value: unknown; label: string }[] = []
  const seen = new Set<string>()
  for (const row of list.items) {
    const key = Object.keys(row).find((field) => field.toLowerCase() === name.toLowerCase())
    const value = key ? row[key] : undefined
    if (value === undefined || value === null || seen.has(String(value))) continue
    seen.add(String(value))
    options.push({ value, label: labelOf(row, String(value)) })
  }
  providerCache?.set(tenantId, personId, name, options)
  return options
}

/**
 * Runs a tool through the user's scoped client (the access policy filters and checks it). The
 * generic flows and the LLM path both call the API through here.
 */
export async function runScopedTool(
  scope: TurnScope,
  tool: Tool,
  values: Record<string, unknown>,
): Promise<unknown> {
  const request = buildRequest(scope, tool, values)
  return scope.tools.call(tool.id, { ...values }, () => scope.fleet.request(request))
}

/** The person or tenant an input stands for; undefined for any other input. */
function personOrTenant(scope: TurnScope, input: Needed): string | undefined {
  if (input.context === 'person') return scope.user.personId
  if (input.context === 'tenant') return scope.user.tenantId
  return undefined
}

/** Context inputs the user never types: person, tenant, and the vehicle when the user has exactly one. */
export function contextValues(
  scope: TurnScope,
  tool: Tool,
): Record<string, unknown> | { missingVehicle: true } {
  const values: Record<string, unknown> = {}
  for (const input of neededInputs(tool)) {
    const own = personOrTenant(scope, input)
    if (own !== undefined) values[input.name] = own
    else if (input.context === 'vehicle') {
      if (scope.user.vehicles.length !== 1) return { missingVehicle: true }
      values[input.name] = scope.user.vehicles[0]!.id
    }
  }
  return values
}

export function formatResult(tool: Tool, result: unknown): string {
  const title = `*${toolTitle(tool)}*`
  const envelope = result as { Data?: unknown } | undefined
  const rows = Array.isArray(result) ? result : Array.isArray(envelope?.Data) ? envelope.Data : undefined
  if (rows) {
    if (rows.length === 0) return `${title}\n${genericTexts.empty}`
    // One row (e.g. the user's own profile) is shown in full, like an object.
    if (rows.length === 1 && rows[0] && typeof rows[0] === 'object') {
      return `${title}\n${formatRecord(rows[0] as Record<string, unknown>).join('\n')}`
    }
    const lines = rows.map((row, index) =>
      row && typeof row === 'object'
        ? shortenText(formatRecord(row as Record<string, unknown>, 4).join(', '), 200)
        : String(row ?? index),
    )
    const count =
      typeof (envelope as { Count?: unknown })?.Count === 'number'
        ? (envelope as { Count: number }).Count
        : rows.length
    return `${title}\n${formatNumberedList(lines, (line) => line, { total: Math.max(count, rows.length) })}`
  }
  if (result && typeof result === 'object') {
    const lines = formatRecord(result as Record<string, unknown>)
    return lines.length > 0 ? `${title}\n${lines.join('\n')}` : `${title}\n${genericTexts.empty}`
  }
  if (result === undefined || result === null || result === '') return genericTexts.done
  return `${title}\n${String(result)}`
}

function coerce(field: ToolField, text: string): unknown | undefined {
  if (field.type === 'integer' || field.type === 'number') {
    const value = parseCroatianNumber(text.trim())
    if (value === undefined) return undefined
    return field.type === 'integer' ? Math.trunc(value) : value
  }
  if (field.type === 'boolean') return /^(da|yes|true|1)$/i.test(text.trim())
  return text.trim()
}

/**
 * Any other tool retrieval found: required inputs asked one at a time with a question built
 * from the spec, context inputs injected, dependencies resolved through the provider index;
 * reads run at once and are formatted, writes are always confirmed first.
 */
export function createGenericToolFlow(mode: 'generic-read' | 'generic-write'): Flow {
  return {
    name: mode,

    absorb(scope: TurnScope, phase: AbsorbPhase): boolean {
      if (phase !== 'answer') return false
      const tool = toolOf(scope)
      const asking = [...scope.state.missing][0]
      const input = tool && neededInputs(tool).find((candidate) => candidate.name === asking)
      if (!input) return false
      const value = coerce(input, scope.text.original)
      if (value === undefined || value === '') return false
      parameters(scope)[input.name] = value
      return true
    },

    async advance(scope: TurnScope): Promise<Reply[]> {
      const state = scope.state
      const tool = toolOf(scope)
      if (!tool) {
        moveToIdle(state, scope.now.getTime())
        return []
      }
      const values = parameters(scope)
      // A choice from a provider list arrives as `param:<name>`.
      for (const [slot, value] of Object.entries(state.slots)) {
        if (slot.startsWith('param:') && value !== undefined) {
          values[slot.slice(6)] = value
          delete state.slots[slot]
          delete state.slots[`${slot}Label`]
        }
      }
      for (const input of neededInputs(tool)) {
        if (values[input.name] !== undefined) continue
        const own = personOrTenant(scope, input)
        if (own !== undefined) values[input.name] = own
        else if (input.context === 'vehicle') {
          const pick = requireVehicle(scope)
          if ('replies' in pick) return pick.replies
          values[input.name] = pick.vehicle.id
        } else {
          const options = await resolveDependency(scope, input.name, tool)
          if (options.length === 1) {
            values[input.name] = options[0].value
            continue
          }
          const label = fieldLabel(input.name)
          if (options.length > 1) {
            const shown: ShownItem[] = options
              .slice(0, 10)
              .map((option) => ({ kind: 'option', id: String(option.value), label: option.label }))
            moveToAwaitingSelection(state, shown, `param:${input.name}`)
            return [
              buildChoiceReply(
                genericTexts.chooseParameter(label),
                shown.map((item) => ({ title: item.label })),
                options.length,
              ),
            ]
          }
          moveToCollectingSlots(state, [input.name])
          const choices = input.enum?.slice(0, 10).join(', ')
          return [{ text: genericTexts.askParameter(label, hintOf(input), choices) }]
        }
      }
      if (mode === 'generic-write') {
        // The policy's checks (role, target ownership, body person and vehicle) before the summary.
        await scope.fleet.check(buildRequest(scope, tool, values))
        const lines = Object.entries(values)
          .filter(([name]) => !neededInputs(tool).find((input) => input.name === name)?.context)
          .map(([name, value]) => `${fieldLabel(name)}: ${formatValue(value)}`)
        const summary = genericTexts.summary(toolTitle(tool), lines)
        moveToAwaitingConfirmation(state, { tool: tool.id, summary })
        return [{ text: summary, buttons: confirmButtons }]
      }
      return this.execute(scope)
    },

    async execute(scope: TurnScope): Promise<Reply[]> {
      const tool = toolOf(scope)
      if (!tool) return []
      if (tool.readOnly) {
        const result = await runScopedTool(scope, tool, parameters(scope))
        moveToIdle(scope.state, scope.now.getTime())
        return [{ text: formatResult(tool, result) }]
      }
      // No generic way to read a catalogue write back: a lost answer is reported, never resent.
      const request = buildRequest(scope, tool, parameters(scope))
      const outcome = await guardedWrite(scope, {
        tool: tool.id,
        args: { ...parameters(scope) },
        send: () => scope.fleet.request(request),
      })
      moveToIdle(scope.state, scope.now.getTime())
      return [{ text: formatResult(tool, outcome.status === 'done' ? outcome.result : undefined) }]
    },
  }
}

export const genericReadFlow = createGenericToolFlow('generic-read')
export const genericWriteFlow = createGenericToolFlow('generic-write')
