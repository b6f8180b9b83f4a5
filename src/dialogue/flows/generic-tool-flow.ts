import { classifyTool } from '../../fleet/access/classify-tool.ts'
import { isFleetError } from '../../fleet/fleet-errors.ts'
import {
  entityNames,
  fieldLabel,
  formatFieldValue,
  planField,
  presentTool,
  type RenderQuestion,
  recordTitle,
  renderCatalogueRead,
} from '../../format/catalogue/index.ts'
import { shortenText } from '../../format/index.ts'
import type { FleetRequest } from '../../ports/fleet-api.ts'
import type { Reply } from '../../ports/messages.ts'
import type { Tool } from '../../registry/tool.ts'
import type { ShownItem } from '../../store/conversation-state.ts'
import { extractPlates, plateKey } from '../../understanding/entities/extract-plates.ts'
import { type NormalizedText, normalizeText } from '../../understanding/entities/normalize-text.ts'
import { itemNamedIn } from '../choice/named-in-request.ts'
import { offerChoice } from '../choice/offer-choice.ts'
import { requireVehicle, vehicleLabel } from '../choice/pick-vehicle.ts'
import { moveToAwaitingConfirmation, moveToCollectingSlots, moveToIdle } from '../dialogue-state.ts'
import { type AbsorbPhase, type Flow, REQUEST_SLOT } from '../flow.ts'
import { confirmButtons } from '../texts/common-texts.ts'
import { genericTexts } from '../texts/generic-texts.ts'
import type { TurnScope } from '../turn-scope.ts'
import { understandMessage } from '../understand-message.ts'
import { guardedWrite } from './guarded-write.ts'
import {
  completeAmounts,
  groupInputs,
  type InputGroup,
  isRefusal,
  isStatusOfNewRecord,
  type Needed,
  neededInputs,
  questionFor,
  readAnswer,
  readStatedTotal,
} from './tool-inputs.ts'

export { neededInputs } from './tool-inputs.ts'

const PROVIDER_ROWS = 20
const RESULT_ROWS = 10
const MAX_CHOICES = 10
/** Answers that fit no question: after this many the question is dropped. */
const MAX_MISSES = 2
/** A message that reaches another tool this surely is a new request, not a bad answer. */
const NEW_REQUEST_SCORE = 5
const MIN_NEW_REQUEST_WORDS = 2

/** Slots of the generic flows (beside `tool` and `params`). */
const QUESTION_SLOT = 'question'
const ANSWERED_SLOT = 'answered'
const VEHICLE_ANSWER_SLOT = 'vehicleAnswer'
const LABELS_SLOT = 'paramLabels'
/** Inputs the flow worked out from others (a total's quantity 1 and unit price), not shown. */
const DERIVED_SLOT = 'derived'

function parameters(scope: TurnScope): Record<string, unknown> {
  const slots = scope.state.slots
  if (!slots.params || typeof slots.params !== 'object') slots.params = {}
  return slots.params as Record<string, unknown>
}

function paramLabels(scope: TurnScope): Record<string, string> {
  const slots = scope.state.slots
  if (!slots[LABELS_SLOT] || typeof slots[LABELS_SLOT] !== 'object') slots[LABELS_SLOT] = {}
  return slots[LABELS_SLOT] as Record<string, string>
}

function derivedInputs(scope: TurnScope): Set<string> {
  const stored = scope.state.slots[DERIVED_SLOT]
  return new Set(
    Array.isArray(stored) ? stored.filter((name): name is string => typeof name === 'string') : [],
  )
}

/** The request the flow serves: values it names are taken without asking. */
function requestOf(scope: TurnScope): NormalizedText {
  const request = scope.state.slots[REQUEST_SLOT]
  return typeof request === 'string' && request.trim() ? normalizeText(request) : scope.text
}

function toolOf(scope: TurnScope): Tool | undefined {
  const id = scope.state.slots.tool
  return typeof id === 'string' ? scope.deps.registry?.get(id) : undefined
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/** The question behind the flow, as the router read the opening message (kept in the state). */
function questionOf(scope: TurnScope): RenderQuestion {
  const stored = scope.state.slots[QUESTION_SLOT] as { terms?: string[]; tokens?: string[] } | undefined
  if (stored && Array.isArray(stored.terms) && Array.isArray(stored.tokens)) return stored
  const understood = understandMessage(scope)
  const question = { terms: [...understood.termSet], tokens: [...scope.text.tokens] }
  scope.state.slots[QUESTION_SLOT] = { ...question, signals: [...understood.signals] }
  return question
}

function askedForWholeFleet(scope: TurnScope): boolean {
  const stored = scope.state.slots[QUESTION_SLOT] as { terms?: string[]; signals?: string[] } | undefined
  const terms = new Set(stored?.terms ?? [])
  const signals = new Set(stored?.signals ?? [])
  return terms.has('fleet') || terms.has('company') || (signals.has('%list') && !signals.has('%my'))
}

/** A driver's read that the policy scopes to the user ("Vaša vozila"); a profile is always the user's. */
function readsOwn(scope: TurnScope, tool: Tool): boolean {
  const kind = classifyTool(tool).kind
  if (kind === 'person-read') return true
  return scope.user.role !== 'fleet' && (kind === 'own-list' || kind === 'own-record')
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

/**
 * What a read returned, for a person (see format/catalogue); a tool whose output cannot be shown
 * meaningfully is answered with a polite sentence instead. Writes report that they are done.
 */
export function formatResult(
  tool: Tool,
  result: unknown,
  options: { question?: RenderQuestion; own?: boolean; args?: Record<string, unknown> } = {},
): string {
  if (!tool.readOnly) return genericTexts.done
  const rendering = renderCatalogueRead(tool, result, options)
  return rendering.kind === 'not-renderable' ? genericTexts.notRenderable : rendering.text
}

/** The polite refusal of a tool only the fleet office may use. */
export function fleetOnlyReply(tool: Tool): Reply {
  const names = presentTool(tool).names
  return { text: genericTexts.fleetOnly(names ? lowerFirst(names.many) : undefined) }
}

/** `/X/ProjectTo` wants a list of columns no user should be asked for: the plain list answers the same. */
function withoutProjection(scope: TurnScope, tool: Tool): Tool {
  if (!tool.path.endsWith('/ProjectTo')) return tool
  const path = tool.path.slice(0, -'/ProjectTo'.length)
  return (
    scope.deps.registry
      ?.familyOf(tool.entity)
      .find(
        (candidate) =>
          candidate.method === 'get' && candidate.service === tool.service && candidate.path === path,
      ) ?? tool
  )
}

function pluralForms(name: string): string[] {
  if (name.endsWith('y')) return [`${name.slice(0, -1)}ies`, `${name}s`]
  if (/(s|x|ch|sh)$/.test(name)) return [`${name}es`, name]
  return [`${name}s`, name]
}

function singularOf(entity: string): string {
  if (entity.endsWith('ies')) return `${entity.slice(0, -3)}y`
  return entity.endsWith('s') ? entity.slice(0, -1) : entity
}

/** A list tool whose rows name the values an input takes: the entity's own list, a lookup, or any provider. */
function providerFor(scope: TurnScope, tool: Tool, input: Needed): Tool | undefined {
  const registry = scope.deps.registry
  if (!registry) return undefined
  const usable = (candidate: Tool) =>
    candidate.id !== tool.id &&
    candidate.readOnly &&
    candidate.returnsList &&
    scope.fleet.allows(candidate) &&
    neededInputs(candidate).every((needed) => needed.context)
  if (input.in === 'path' && input.name.toLowerCase() === 'id')
    return registry
      .familyOf(tool.entity)
      .find(
        (candidate) =>
          usable(candidate) && candidate.service === tool.service && candidate.path === `/${tool.entity}`,
      )
  if (!input.name.toLowerCase().endsWith('id')) return undefined
  const base = input.name.charAt(0).toUpperCase() + input.name.slice(1, -2)
  // `/Lookup/ExpenseTypeId`, then a lookup of the entity's own values (`StatusId` of an
  // expense: `/Lookup/ExpenseStatuses`), then one of the values' plural (`/Lookup/CaseStatuses`).
  const lookupNames = [`${base}Id`, ...pluralForms(`${singularOf(tool.entity)}${base}`), ...pluralForms(base)]
  for (const name of lookupNames) {
    const lookup = registry.withBareId(`get_Lookup_${name}`).find(usable)
    if (lookup) return lookup
  }
  for (const entity of pluralForms(base)) {
    const list = registry
      .familyOf(entity)
      .find((candidate) => usable(candidate) && candidate.path === `/${entity}`)
    if (list) return list
  }
  return registry.providersOf(input.name).find(usable)
}

interface Option {
  value: unknown
  label: string
  ref?: string
}

/**
 * The values an input can take, read through the user's scoped client and cached per user; each
 * labelled by its record's name (never by an id). Empty when no provider names them.
 */
async function optionsFor(scope: TurnScope, tool: Tool, input: Needed): Promise<Option[]> {
  const { providerCache } = scope.deps
  const { tenantId, personId } = scope.user
  const cacheKey = `${tool.entity}.${input.name}`
  const cached = providerCache?.get(tenantId, personId, cacheKey)
  if (cached) return cached as Option[]
  const provider = providerFor(scope, tool, input)
  if (!provider) return []
  const request = buildRequest(scope, provider, {})
  request.paging = { first: 0, rows: PROVIDER_ROWS }
  const list = await scope.tools.call(provider.id, { field: input.name }, () =>
    scope.fleet.list<Record<string, unknown>>(request),
  )
  const wanted = input.in === 'path' && input.name.toLowerCase() === 'id' ? 'id' : input.name.toLowerCase()
  const options: Option[] = []
  const seen = new Set<string>()
  for (const row of list.items) {
    const key = Object.keys(row).find((field) => field.toLowerCase() === wanted) ?? 'Id'
    const value = row[key]
    const label = recordTitle(provider, row)
    if (value === undefined || value === null || !label || seen.has(String(value))) continue
    seen.add(String(value))
    options.push({ value, label, ...(typeof value === 'number' ? { ref: String(value) } : {}) })
  }
  providerCache?.set(tenantId, personId, cacheKey, options)
  return options
}

/** A vehicle the user named by plate: one of theirs, or (fleet role) any vehicle of the tenant. */
async function vehicleByPlate(scope: TurnScope, plate: string): Promise<string | undefined> {
  const key = plateKey(plate)
  const own = scope.user.vehicles.find((vehicle) => vehicle.plate && plateKey(vehicle.plate) === key)
  if (own) return own.id
  if (scope.user.role !== 'fleet') return undefined
  const list = scope.deps.registry?.familyOf('Vehicles').find((tool) => tool.path === '/Vehicles')
  if (!list || !scope.fleet.allows(list)) return undefined
  const request = buildRequest(scope, list, {})
  request.paging = { first: 0, rows: 1 }
  request.filters = [{ field: 'LicencePlate', op: '=', value: plate }]
  const found = await scope.tools.call(list.id, { plate }, () =>
    scope.fleet.list<Record<string, unknown>>(request),
  )
  const id = found.items[0]?.Id
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined
}

/** Values the opening message already gives: "troškovi za prošli mjesec", "slučaj 12", a plate. */
function prefill(scope: TurnScope, groups: readonly InputGroup[], values: Record<string, unknown>): void {
  for (const group of groups) {
    if (group.kind === 'vehicle') {
      const plate = extractPlates(scope.text.original)[0]
      if (plate) scope.state.slots[VEHICLE_ANSWER_SLOT] = plate.plate
      continue
    }
    // A bare number may be anything; a sum of money in the request is the sum's total.
    if (group.kind === 'number') {
      const stated = readStatedTotal(group.inputs, scope.text)
      if (stated) Object.assign(values, stated)
      continue
    }
    if (group.kind === 'choice' || group.kind === 'text' || group.kind === 'boolean') continue
    const read = readAnswer(group, scope.text, scope.now)
    if (read) Object.assign(values, read)
  }
}

function ask(scope: TurnScope, group: InputGroup, text: string): Reply[] {
  moveToCollectingSlots(
    scope.state,
    group.inputs.map((input) => input.name),
  )
  return [{ text }]
}

/**
 * A message that answers nothing: a new catalogue request (another read that search finds surely)
 * takes over the flow; otherwise the question is asked once more, then dropped.
 */
async function answerMissed(scope: TurnScope, flow: Flow, group: InputGroup): Promise<Reply[]> {
  const { state } = scope
  const current = state.slots.tool
  const search = scope.deps.search
  if (search && scope.text.tokens.length >= MIN_NEW_REQUEST_WORDS) {
    const hit = search.search(scope.text, { top: 1, understood: understandMessage(scope) }).hits[0]
    if (hit && hit.score >= NEW_REQUEST_SCORE && hit.tool.id !== current) {
      if (!hit.tool.readOnly || !scope.fleet.allows(hit.tool)) {
        moveToIdle(state, scope.now.getTime())
        return hit.tool.readOnly ? [fleetOnlyReply(hit.tool)] : [{ text: genericTexts.left }]
      }
      const request = scope.text.original
      moveToIdle(state, scope.now.getTime())
      state.flow = 'generic-read'
      state.slots = { tool: hit.tool.id, params: {}, request }
      return flow.advance(scope)
    }
  }
  const misses = Number(state.slots.misses ?? 0) + 1
  state.slots.misses = misses
  if (misses >= MAX_MISSES) {
    moveToIdle(state, scope.now.getTime())
    return [{ text: genericTexts.left }]
  }
  return ask(scope, group, genericTexts.notUnderstood(questionFor(group)))
}

/** Resolves one question's inputs, or the replies that ask for them; undefined when filled. */
async function resolveGroup(
  scope: TurnScope,
  tool: Tool,
  group: InputGroup,
  values: Record<string, unknown>,
): Promise<Reply[] | undefined> {
  const { state } = scope
  const input = group.inputs[0]!
  if (group.kind === 'vehicle') {
    const said = state.slots[VEHICLE_ANSWER_SLOT]
    delete state.slots[VEHICLE_ANSWER_SLOT]
    if (typeof said === 'string') {
      const id = await vehicleByPlate(scope, said)
      if (id) {
        values[input.name] = id
        paramLabels(scope)[input.name] = said
        return undefined
      }
      return ask(scope, group, genericTexts.vehicleNotFound(said))
    }
    // A driver picks one of his vehicles; the fleet office names any vehicle by its plate.
    if (scope.user.role !== 'fleet') {
      // An optional vehicle of a driver without one stays out.
      if (!input.required && scope.user.vehicles.length === 0) return undefined
      const pick = requireVehicle(scope)
      if ('replies' in pick) return pick.replies
      values[input.name] = pick.vehicle.id
      paramLabels(scope)[input.name] = vehicleLabel(pick.vehicle)
      return undefined
    }
    return ask(scope, group, genericTexts.askVehiclePlate)
  }
  if (group.kind === 'choice' || group.kind === 'record') {
    const options = await optionsFor(scope, tool, input)
    if (options.length === 1) {
      values[input.name] = options[0]!.value
      paramLabels(scope)[input.name] = options[0]!.label
      return undefined
    }
    if (options.length > 1) {
      const all: ShownItem[] = options.map((option) => ({
        kind: 'option',
        id: String(option.value),
        label: option.label,
        ...(option.ref ? { ref: option.ref } : {}),
      }))
      // A new record's status is its first; a value the request names ("gorivo") is taken.
      const taken = isStatusOfNewRecord(tool, input) ? 0 : itemNamedIn(requestOf(scope), all)
      if (taken !== undefined) {
        values[input.name] = options[taken]!.value
        paramLabels(scope)[input.name] = options[taken]!.label
        return undefined
      }
      const items = all.slice(0, MAX_CHOICES)
      const question =
        group.kind === 'record'
          ? genericTexts.chooseRecord(group.label)
          : genericTexts.chooseParameter(lowerFirst(group.label))
      return [offerChoice(state, { question, items, asking: `param:${input.name}` })]
    }
    if (group.kind === 'choice') {
      moveToIdle(state, scope.now.getTime())
      return [{ text: genericTexts.unaskable }]
    }
  }
  return ask(scope, group, questionFor(group))
}

/**
 * Any other tool retrieval found: inputs the user must give are asked by their meaning (a
 * period, a month, a record, a vehicle, a value), several at once where one answer fills them;
 * context inputs are injected, choices come from the record lists the user may read; reads run
 * at once and are rendered for a person, writes are always confirmed first.
 */
export function createGenericToolFlow(mode: 'generic-read' | 'generic-write'): Flow {
  const flow: Flow = {
    name: mode,

    absorb(scope: TurnScope, phase: AbsorbPhase): boolean {
      if (phase !== 'answer') return false
      const tool = toolOf(scope)
      if (!tool) return false
      if (isRefusal(scope.text)) {
        scope.state.slots.leave = true
        return true
      }
      const asked = new Set(scope.state.missing)
      const inputs = neededInputs(tool).filter((input) => asked.has(input.name))
      const group = groupInputs(tool, inputs)?.[0]
      if (!group) return false
      if (group.kind === 'vehicle') {
        const plate = extractPlates(scope.text.original)[0]
        if (!plate) return false
        scope.state.slots[VEHICLE_ANSWER_SLOT] = plate.plate
        scope.state.slots[ANSWERED_SLOT] = true
        return true
      }
      const read = readAnswer(group, scope.text, scope.now)
      if (!read) return false
      Object.assign(parameters(scope), read)
      scope.state.slots[ANSWERED_SLOT] = true
      return true
    },

    async advance(scope: TurnScope): Promise<Reply[]> {
      const { state } = scope
      let tool = toolOf(scope)
      if (!tool) {
        moveToIdle(state, scope.now.getTime())
        return []
      }
      if (!scope.fleet.allows(tool)) {
        moveToIdle(state, scope.now.getTime())
        return [fleetOnlyReply(tool)]
      }
      const base = withoutProjection(scope, tool)
      if (base !== tool) {
        tool = base
        state.slots.tool = base.id
      }
      if (tool.readOnly && !presentTool(tool).readable) {
        moveToIdle(state, scope.now.getTime())
        return [{ text: genericTexts.notRenderable }]
      }
      if (state.slots.leave) {
        moveToIdle(state, scope.now.getTime())
        return [{ text: genericTexts.left }]
      }
      const values = parameters(scope)
      // A choice from a list arrives as `param:<name>`, its label as `param:<name>Label`.
      for (const [slot, value] of Object.entries(state.slots)) {
        if (!slot.startsWith('param:') || slot.endsWith('Label') || value === undefined) continue
        const name = slot.slice(6)
        values[name] = value
        const label = state.slots[`${slot}Label`]
        if (typeof label === 'string') paramLabels(scope)[name] = label
        delete state.slots[slot]
        delete state.slots[`${slot}Label`]
      }
      const answering =
        state.state === 'collecting-slots' && state.missing.size > 0 && !state.slots[ANSWERED_SLOT]
      delete state.slots[ANSWERED_SLOT]
      const first = !state.slots.prefilled
      state.slots.prefilled = true
      if (first) questionOf(scope)

      const needed = neededInputs(tool)
      for (const input of needed) {
        if (values[input.name] !== undefined) continue
        const own = personOrTenant(scope, input)
        if (own !== undefined) values[input.name] = own
      }
      const missing = needed.filter((input) => values[input.name] === undefined)
      let groups = groupInputs(tool, missing)
      if (!groups) {
        moveToIdle(state, scope.now.getTime())
        return [{ text: genericTexts.unaskable }]
      }
      if (first && groups.length > 0) prefill(scope, groups, values)
      const derived = completeAmounts(needed, values)
      if (derived.length > 0) state.slots[DERIVED_SLOT] = [...derivedInputs(scope), ...derived]
      if (first || derived.length > 0)
        groups = groupInputs(
          tool,
          missing.filter((input) => values[input.name] === undefined),
        )!
      if (answering && groups[0] && !state.slots[VEHICLE_ANSWER_SLOT]) {
        const stillAsked = groups[0].inputs.some((input) => state.missing.has(input.name))
        if (stillAsked) return answerMissed(scope, flow, groups[0])
      }
      for (const group of groups) {
        if (group.inputs.every((input) => values[input.name] !== undefined)) continue
        const replies = await resolveGroup(scope, tool, group, values)
        if (replies) return replies
      }
      if (mode === 'generic-write') {
        // The policy's checks (role, target ownership, body person and vehicle) before the summary.
        await scope.fleet.check(buildRequest(scope, tool, values))
        const labels = paramLabels(scope)
        const derived = derivedInputs(scope)
        const lines: string[] = []
        for (const input of needed) {
          if (input.context === 'person' || input.context === 'tenant') continue
          if (derived.has(input.name) || values[input.name] === undefined) continue
          const label = fieldLabel(input.name) ?? entityNames(input.name.replace(/Id$/, ''))?.one
          const kind = planField(input.name)?.kind ?? 'auto'
          const value = labels[input.name] ?? formatFieldValue(values[input.name], kind, input.name)
          if (label && value) lines.push(`${label}: ${shortenText(value, 120)}`)
        }
        const names = presentTool(tool).names ?? entityNames(tool.entity)
        const summary = genericTexts.summary(genericTexts.writeTitle(tool.method, names?.one), lines)
        moveToAwaitingConfirmation(state, { tool: tool.id, summary })
        return [{ text: summary, buttons: confirmButtons }]
      }
      return flow.execute(scope)
    },

    async execute(scope: TurnScope): Promise<Reply[]> {
      const tool = toolOf(scope)
      if (!tool) return []
      const values = parameters(scope)
      if (tool.readOnly) {
        let result: unknown
        try {
          result = await runScopedTool(scope, tool, values)
        } catch (error) {
          // A record the user named by number that is not there (or not theirs: said the same way).
          const named = tool.parameters.some((parameter) => parameter.in === 'path' && !parameter.context)
          if (!named || !isFleetError(error) || error.code !== 'M1_ERR_FLEET_NOT_FOUND') throw error
          moveToIdle(scope.state, scope.now.getTime())
          return [{ text: genericTexts.recordNotFound }]
        }
        const own = readsOwn(scope, tool)
        const rendering = renderCatalogueRead(tool, result, {
          question: questionOf(scope),
          own,
          args: values,
        })
        const wholeFleet = own && scope.user.role !== 'fleet' && askedForWholeFleet(scope)
        moveToIdle(scope.state, scope.now.getTime())
        if (rendering.kind === 'not-renderable') return [{ text: genericTexts.notRenderable }]
        return [{ text: wholeFleet ? `${rendering.text}\n\n${genericTexts.onlyYours}` : rendering.text }]
      }
      // No generic way to read a catalogue write back: a lost answer is reported, never resent.
      const request = buildRequest(scope, tool, values)
      const outcome = await guardedWrite(scope, {
        tool: tool.id,
        args: { ...values },
        send: () => scope.fleet.request(request),
      })
      moveToIdle(scope.state, scope.now.getTime())
      return [{ text: formatResult(tool, outcome.status === 'done' ? outcome.result : undefined) }]
    },
  }
  return flow
}

export const genericReadFlow = createGenericToolFlow('generic-read')
export const genericWriteFlow = createGenericToolFlow('generic-write')
