import { z } from 'zod'
import { createSeededRandom } from './seeded-random.ts'

/**
 * - `error`: answer with `status` (default 500) and a ProblemDetails body
 * - `html`: answer 200 `text/html` with a login page, as a proxy in front of an expired session does
 * - `rate-limit`: answer 429 with `Retry-After: retryAfterSeconds`
 * - `hang`: never answer until `reset()` (the request then proceeds normally)
 */
export const faultRuleSchema = z.object({
  kind: z.enum(['error', 'html', 'rate-limit', 'hang']),
  /**
   * `GET /tenantmgt/Persons` (one operation), `/tenantmgt/Persons` (any method), `*` or
   * omitted (every API route; the token endpoint only when named: `POST /sso/connect/token`).
   */
  route: z.string().optional(),
  status: z.number().int().min(400).max(599).optional(),
  /** Fraction of matching calls that fail, drawn from a seeded generator. Default 1. */
  rate: z.number().min(0).max(1).optional(),
  /** Fire at most this many times, then the rule is spent. Default unlimited. */
  times: z.number().int().min(1).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
})
export type FaultRule = z.infer<typeof faultRuleSchema>

/** Body of `POST /__control/faults`; fields apply in this order. */
export const controlRequestSchema = z.object({
  reset: z.boolean().optional(),
  latencyMs: z.number().int().min(0).optional(),
  latencyJitterMs: z.number().int().min(0).optional(),
  revokeTokens: z.boolean().optional(),
  /** Replaces every current rule. */
  faults: z.array(faultRuleSchema).optional(),
  /** Appends rules. */
  add: z.array(faultRuleSchema).optional(),
})
export type ControlRequest = z.infer<typeof controlRequestSchema>

export interface SandboxControl {
  /** Fixed delay per call plus a uniform random extra in [0, jitterMs]. */
  setLatency(ms: number, jitterMs?: number): void
  addFault(rule: FaultRule): void
  setFaults(rules: FaultRule[]): void
  /** Every token issued so far stops working (401); new ones can be fetched. */
  revokeTokens(): void
  /** Clears faults, restores the start-up latency and releases hung requests. */
  reset(): void
  /** Calls per route key (`GET /tenantmgt/Persons`, `POST /sso/connect/token`, …). */
  calls(): Record<string, number>
  /** Calls of one route key, or of all routes when omitted. */
  callCount(route?: string): number
  resetCalls(): void
  state(): { latencyMs: number; latencyJitterMs: number; faults: FaultRule[]; hanging: number }
  apply(request: ControlRequest): void
}

export type FaultOutcome =
  | { kind: 'error'; status: number }
  | { kind: 'html' }
  | { kind: 'rate-limit'; retryAfterSeconds: number }

/** What the server needs besides the public control surface. */
export interface SandboxControlInternals extends SandboxControl {
  recordCall(key: string): void
  /** Waits out latency and hangs, then says which fault (if any) this call gets. */
  beforeHandling(key: string, options: { isApiRoute: boolean }): Promise<FaultOutcome | null>
  releaseAll(): void
}

export function createSandboxControl(options: {
  latencyMs: number
  latencyJitterMs: number
  faults: FaultRule[]
  seed: number
  revokeTokens: () => void
}): SandboxControlInternals {
  const random = createSeededRandom(options.seed ^ 0x5eed)
  let latencyMs = options.latencyMs
  let latencyJitterMs = options.latencyJitterMs
  let rules: { rule: FaultRule; remaining: number }[] = []
  const counts = new Map<string, number>()
  const hanging = new Set<() => void>()

  const track = (rule: FaultRule) => ({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY })
  const setFaults = (next: FaultRule[]) => {
    rules = next.map((rule) => track(faultRuleSchema.parse(rule)))
  }
  setFaults(options.faults)

  const releaseAll = () => {
    for (const release of hanging) release()
    hanging.clear()
  }

  const control: SandboxControlInternals = {
    setLatency(ms, jitterMs = 0) {
      latencyMs = ms
      latencyJitterMs = jitterMs
    },
    addFault(rule) {
      rules.push(track(faultRuleSchema.parse(rule)))
    },
    setFaults,
    revokeTokens: options.revokeTokens,
    reset() {
      rules = []
      latencyMs = options.latencyMs
      latencyJitterMs = options.latencyJitterMs
      releaseAll()
    },
    calls: () => Object.fromEntries([...counts.entries()].sort(([a], [b]) => a.localeCompare(b))),
    callCount(route) {
      if (route === undefined) {
        let total = 0
        for (const count of counts.values()) total += count
        return total
      }
      return counts.get(route) ?? 0
    },
    resetCalls: () => counts.clear(),
    state: () => ({
      latencyMs,
      latencyJitterMs,
      faults: rules.map(({ rule }) => rule),
      hanging: hanging.size,
    }),
    apply(request) {
      if (request.reset) control.reset()
      if (request.latencyMs !== undefined || request.latencyJitterMs !== undefined) {
        control.setLatency(request.latencyMs ?? latencyMs, request.latencyJitterMs ?? latencyJitterMs)
      }
      if (request.revokeTokens) control.revokeTokens()
      if (request.faults) setFaults(request.faults)
      for (const rule of request.add ?? []) control.addFault(rule)
    },
    recordCall(key) {
      counts.set(key, (counts.get(key) ?? 0) + 1)
    },
    async beforeHandling(key, { isApiRoute }) {
      const delay = latencyMs + (latencyJitterMs > 0 ? random.next() * latencyJitterMs : 0)
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
      for (const tracked of rules) {
        if (tracked.remaining <= 0 || !routeMatches(tracked.rule.route, key, isApiRoute)) continue
        if (tracked.rule.rate !== undefined && tracked.rule.rate < 1 && random.next() >= tracked.rule.rate)
          continue
        tracked.remaining--
        switch (tracked.rule.kind) {
          case 'hang':
            await new Promise<void>((resolve) => hanging.add(resolve))
            return null
          case 'html':
            return { kind: 'html' }
          case 'rate-limit':
            return { kind: 'rate-limit', retryAfterSeconds: tracked.rule.retryAfterSeconds ?? 1 }
          default:
            return { kind: 'error', status: tracked.rule.status ?? 500 }
        }
      }
      return null
    },
    releaseAll,
  }
  return control
}

function routeMatches(route: string | undefined, key: string, isApiRoute: boolean): boolean {
  if (route === undefined || route === '*') return isApiRoute
  if (route.startsWith('/')) return key.slice(key.indexOf(' ') + 1).toLowerCase() === route.toLowerCase()
  return key.toLowerCase() === route.toLowerCase()
}
