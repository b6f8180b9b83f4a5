import type { InboundMessage, OutboundMessage, Reply } from '../ports/messages.ts'
import { checkReply, choiceItems, visibleText } from './check-reply.ts'
import { checkTenantState } from './check-tenant-state.ts'
import type { ScenarioEnvironment, ScenarioSession } from './create-scenario-environment.ts'
import {
  expandTemplate,
  localToday,
  resolveAtStart,
  type TemplateContext,
} from './expand-scenario-template.ts'
import type { LoadedScenario } from './load-scenarios.ts'
import { createScenarioClock } from './scenario-clock.ts'
import type { ReplyExpectation, ScenarioStep, StateExpectation, TenantAction } from './scenario-schema.ts'

export interface ScenarioFailure {
  scenario: string
  file: string
  category: string
  /** 1-based step number of the failing turn; absent for `after` or set-up failures. */
  step?: number
  /** What the user sent at that step. */
  input?: string
  /** What the assistant answered (visible text, shortened). */
  reply?: string
  problems: string[]
}

export interface ScenarioResult {
  name: string
  file: string
  category: string
  status: 'passed' | 'failed' | 'skipped'
  skipReason?: string
  durationMs: number
  failure?: ScenarioFailure
  /** The whole conversation, for the readable report and debugging. */
  transcript: { input: string; reply: string }[]
}

/** Simulated time between two user messages: turns are ordered, and 30 minutes stay far away. */
const SECONDS_BETWEEN_TURNS = 5
const TURN_TIMEOUT_MS = 20_000
const YES_NO_TITLE = /^(da|ne|potvrdi|odustani|pristajem|otkaži|otkazi)\b/i

function describeStep(step: ScenarioStep): string {
  if ('say' in step) return step.say
  if ('button' in step) return `[button] ${step.button}`
  if ('list' in step) return `[list] ${step.list}`
  if ('media' in step) return `[${step.media}]${step.caption ? ` ${step.caption}` : ''}`
  if ('location' in step) return `[location] ${step.location.latitude},${step.location.longitude}`
  if ('wait' in step) return `[wait ${step.wait} min]`
  if ('check' in step) return '[check]'
  return '[tenant change]'
}

function expandDeep<T>(value: T, context: TemplateContext): T {
  if (typeof value === 'string') return expandTemplate(value, context) as T
  if (Array.isArray(value)) return value.map((item) => expandDeep(item, context)) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, expandDeep(item, context)]),
    ) as T
  }
  return value
}

type InboundBody = Omit<InboundMessage, 'from' | 'receivedAt' | 'channel'>

/** Turns a step into the inbound message the channel would deliver; buttons and rows come from the last reply. */
function inboundFor(
  step: ScenarioStep,
  messageId: string,
  last: readonly Reply[],
  context: TemplateContext,
): InboundBody {
  if ('say' in step) return { messageId, kind: 'text', text: expandTemplate(step.say, context) }
  if ('button' in step) {
    const wanted = expandTemplate(step.button, context).toLowerCase()
    const buttons = last.flatMap((reply) => reply.buttons ?? [])
    const button =
      buttons.find((candidate) => candidate.id.toLowerCase() === wanted) ??
      buttons.find((candidate) => candidate.title.toLowerCase() === wanted) ??
      buttons.find((candidate) => candidate.title.toLowerCase().startsWith(wanted))
    if (!button) {
      throw new StepError(
        `no button '${step.button}' in the previous reply (buttons: ${JSON.stringify(buttons.map((b) => b.title))})`,
      )
    }
    return { messageId, kind: 'button-reply', text: button.title, replyId: button.id }
  }
  if ('list' in step) {
    const rows = last.flatMap((reply) => reply.list?.sections.flatMap((section) => section.rows) ?? [])
    let row: (typeof rows)[number] | undefined
    if (typeof step.list === 'number') {
      row = rows[step.list - 1]
    } else {
      const wanted = expandTemplate(step.list, context).toLowerCase()
      row = rows.find(
        (candidate) =>
          candidate.id.toLowerCase() === wanted ||
          candidate.title.toLowerCase().includes(wanted) ||
          (candidate.description ?? '').toLowerCase().includes(wanted),
      )
    }
    if (!row) throw new StepError(`no list row '${step.list}' in the previous reply (${rows.length} rows)`)
    return { messageId, kind: 'list-reply', text: row.title, replyId: row.id }
  }
  if ('media' in step) {
    return {
      messageId,
      kind: step.media,
      text: step.caption ? expandTemplate(step.caption, context) : undefined,
      mediaUrl: `https://example.invalid/media/${messageId}`,
    }
  }
  if ('location' in step) return { messageId, kind: 'location', location: step.location }
  throw new StepError('not a message step')
}

class StepError extends Error {}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StepError(`${what} took longer than ${ms} ms`)), ms)
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Runs one scenario in a fresh session: each step is one inbound message through the real
 * message processor, replies are checked as they come, and the tenant's state afterwards.
 * The first failing step ends the conversation (later steps would only repeat the failure).
 */
export async function runScenario(
  scenario: LoadedScenario,
  environment: ScenarioEnvironment,
): Promise<ScenarioResult> {
  const started = performance.now()
  const base = { name: scenario.name, file: scenario.file, category: scenario.category }
  const transcript: ScenarioResult['transcript'] = []
  const finish = (failed?: ScenarioFailure): ScenarioResult => ({
    ...base,
    status: failed ? 'failed' : 'passed',
    durationMs: Math.round(performance.now() - started),
    failure: failed,
    transcript,
  })
  const failure = (problems: string[], extra: Partial<ScenarioFailure> = {}): ScenarioFailure => ({
    scenario: scenario.name,
    file: scenario.file,
    category: scenario.category,
    ...extra,
    problems,
  })
  if (scenario.skip)
    return { ...base, status: 'skipped', skipReason: scenario.skip, durationMs: 0, transcript }

  const clock = createScenarioClock()
  let session: ScenarioSession
  try {
    session = await environment.open(scenario, clock)
  } catch (error) {
    return finish(failure([`set-up failed: ${String(error)}`]))
  }
  const context: TemplateContext = {
    dataset: session.tenant.dataset,
    today: localToday(clock.start),
    nextIds: { ...session.tenant.dataset.tenants[0]!.nextId },
  }
  context.fixed = resolveAtStart({ turns: scenario.turns, after: scenario.after }, context)
  let userName = ''
  try {
    const lastNine = session.from.slice(-9)
    for (const tenant of session.tenant.dataset.tenants) {
      for (const person of tenant.people.values()) {
        const numbers = [person.Phone, person.Mobile].map((value) =>
          (value ?? '').replace(/\D/g, '').slice(-9),
        )
        if (numbers.includes(lastNine)) userName = `${person.FirstName} ${person.LastName}`
      }
    }

    const stateProblems = async (expectations: StateExpectation[]): Promise<string[]> => {
      try {
        return checkTenantState(expectations, {
          tenant: session.tenant,
          stored: await session.storedFacts(),
          context,
          userName,
        })
      } catch (error) {
        return [String(error)]
      }
    }

    let last: Reply[] = []
    for (const [index, step] of scenario.turns.entries()) {
      const number = index + 1
      const input = describeStep(step)
      if ('wait' in step) {
        clock.advanceMinutes(step.wait)
        transcript.push({ input, reply: '' })
        continue
      }
      if ('check' in step) {
        const problems = await stateProblems(step.check)
        transcript.push({ input, reply: '' })
        if (problems.length > 0) return finish(failure(problems, { step: number, input }))
        continue
      }
      if ('tenant' in step) {
        try {
          session.tenant.apply(expandDeep<TenantAction>(step.tenant, context))
        } catch (error) {
          return finish(failure([String(error)], { step: number, input }))
        }
        transcript.push({ input, reply: '' })
        continue
      }
      clock.advanceMinutes(SECONDS_BETWEEN_TURNS / 60)
      let replies: OutboundMessage[]
      let shownInput = input
      try {
        const inbound = inboundFor(step, `${scenario.name}-${number}`, last, context)
        shownInput = inbound.text ?? input
        replies = await withTimeout(session.send(inbound), TURN_TIMEOUT_MS, 'the turn')
      } catch (error) {
        const message = error instanceof StepError ? error.message : `the turn threw: ${String(error)}`
        transcript.push({ input: shownInput, reply: `(${message})` })
        return finish(failure([message], { step: number, input: shownInput }))
      }
      const shown = visibleText(replies)
      // A new choice (two or more options, not just Da/Ne) is what "2" or "drugo" refers to next.
      const items = choiceItems(replies)
      if (items.length >= 2 && !items.every((item) => YES_NO_TITLE.test(item))) context.shown = items
      transcript.push({ input: shownInput, reply: shown })
      const expectation: ReplyExpectation | undefined = 'expect' in step ? step.expect : undefined
      let problems: string[]
      try {
        problems = checkReply(replies, expectation, context)
      } catch (error) {
        problems = [String(error)]
      }
      if (problems.length > 0) {
        return finish(
          failure(problems, {
            step: number,
            input: shownInput,
            reply: shown.length > 600 ? `${shown.slice(0, 600)}…` : shown,
          }),
        )
      }
      // An empty turn (rate limit drop) leaves the previous reply's buttons tappable.
      if (replies.length > 0) last = replies
    }

    const problems = await stateProblems(scenario.after)
    return finish(problems.length > 0 ? failure(problems) : undefined)
  } finally {
    await session.close()
  }
}
