import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { type Config, loadConfig } from '../app/config/index.ts'
import { type Adapters, createAdapters } from '../app/create-adapters.ts'
import { createTurnHandler } from '../app/create-turn-handler.ts'
import { feedbackReports } from '../db/schema.ts'
import { createDrizzleDirectory } from '../identity/drizzle-directory.ts'
import { normalizePhone } from '../identity/normalize-phone.ts'
import { createRoleOfPerson } from '../identity/role-of-person.ts'
import { createMetrics } from '../observability/metrics.ts'
import { createMessageProcessor } from '../pipeline/create-message-processor.ts'
import type { Role } from '../ports/access-policy.ts'
import type { Person } from '../ports/fleet-api.ts'
import type { InboundMessage, OutboundMessage } from '../ports/messages.ts'
import { createMemoryRateLimiter } from '../queue/memory-rate-limiter.ts'
import { SANDBOX_FLEET_PERSON_TYPE } from '../sandbox/mobilityone/sandbox-constants.ts'
import type { StoredFacts } from './check-tenant-state.ts'
import { localToday } from './expand-scenario-template.ts'
import type { ScenarioClock } from './scenario-clock.ts'
import type { Scenario } from './scenario-schema.ts'
import { type ScenarioTenant, startScenarioTenant } from './start-scenario-tenant.ts'

/** The real catalogue beside the repository (`../shared/mobilityone/specs`), for `full_catalogue`. */
const DEFAULT_SPECS_DIR = fileURLToPath(new URL('../../../shared/mobilityone/specs', import.meta.url))

export interface ScenarioEnvironmentOptions {
  /** Environment-style overrides for every scenario (a scenario's own `setup.config` wins). */
  config?: Record<string, string>
  specsDir?: string
}

/** One scenario's running system: a fresh tenant, fresh in-memory state, the shared database. */
export interface ScenarioSession {
  tenant: ScenarioTenant
  config: Config
  /** The sender as the pipeline sees it (digits of the scenario's `user`). */
  from: string
  /** One turn through the real message processor (rate limit, identity, dialogue, records). */
  send(inbound: Omit<InboundMessage, 'from' | 'receivedAt' | 'channel'>): Promise<OutboundMessage[]>
  storedFacts(): Promise<StoredFacts>
  close(): Promise<void>
}

/**
 * Shared for a whole run: one embedded PostgreSQL in memory, migrated once and emptied between
 * scenarios (opening and migrating PGlite per scenario would cost most of the suite's time).
 */
export interface ScenarioEnvironment {
  open(scenario: Scenario, clock: ScenarioClock): Promise<ScenarioSession>
  close(): Promise<void>
}

/**
 * Every scenario runs on this configuration plus its own `setup.config`: silent logs, the
 * registry cache on disk (warm after the first run), and a short upstream timeout so a hanging
 * tenant costs a scenario about a second, not the client's default ten.
 */
const BASE_ENVIRONMENT: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATA_DIR: './.data',
  MOBILITY_TIMEOUT_MS: '1500',
  MOBILITY_RETRY_BASE_DELAY_MS: '20',
  MOBILITY_RETRY_MAX_DELAY_MS: '100',
  // As `npm start` does with its simulated tenant: its fleet managers have the fleet role.
  ACCESS_FLEET_PERSON_TYPES: SANDBOX_FLEET_PERSON_TYPE,
}

/** The role a returning user was given at their last identification, by the same mapping. */
function roleOfPersonFrom(config: Config): (person: Person) => Role {
  const list = (value: string | undefined) => (value ?? '').split(',').map((item) => item.trim())
  return createRoleOfPerson({
    personTypes: list(config.ACCESS_FLEET_PERSON_TYPES),
    orgUnits: list(config.ACCESS_FLEET_ORG_UNITS),
  })
}

function asEnvironment(values: Record<string, string | number | boolean>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]))
}

export async function createScenarioEnvironment(
  options: ScenarioEnvironmentOptions = {},
): Promise<ScenarioEnvironment> {
  // The composition root builds the shared part once: PGlite in memory, migrated, and the rest
  // of the adapters; each scenario then gets its own config, metrics, rate limiter and closers.
  const base = await createAdapters(
    loadConfig({ ...BASE_ENVIRONMENT, ...options.config, DATA_DIR: ':memory:' }),
    'scenarios',
  )
  const database = base.database
  const directory = createDrizzleDirectory(database.db)
  const specsDir = options.specsDir ?? DEFAULT_SPECS_DIR

  async function emptyDatabase(): Promise<void> {
    const result = await database.db.execute<{ tablename: string }>(
      sql`select tablename from pg_tables where schemaname = 'public'`,
    )
    const rows = ((result as { rows?: { tablename: string }[] }).rows ?? result) as { tablename: string }[]
    const tables = rows.map((row) => `"${row.tablename}"`)
    if (tables.length > 0)
      await database.db.execute(sql.raw(`truncate ${tables.join(', ')} restart identity cascade`))
  }

  return {
    async open(scenario, clock) {
      await emptyDatabase()
      const tenant = await startScenarioTenant({
        scenario,
        baseDate: localToday(clock.start),
        now: () => clock.now(),
        specsDir,
      })
      const closers: (() => Promise<void>)[] = [() => tenant.close()]
      const closeAll = async () => {
        for (const closer of closers.splice(0).reverse()) await closer().catch(() => {})
      }
      try {
        const config = loadConfig({
          ...BASE_ENVIRONMENT,
          ...options.config,
          MOBILITY_API_URL: tenant.url,
          MOBILITY_CLIENT_ID: tenant.clientId,
          MOBILITY_CLIENT_SECRET: tenant.clientSecret,
          MOBILITY_TENANT_ID: tenant.tenantIds[0]!,
          IDENTITY_TENANT_IDS: tenant.tenantIds.join(','),
          ...asEnvironment(scenario.setup.config),
        })
        const metrics = createMetrics('scenarios')
        closers.push(async () => metrics.close())
        const rateLimiter = createMemoryRateLimiter({
          windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
          now: () => clock.now().getTime(),
        })
        const adapters: Adapters = {
          ...base,
          config,
          metrics,
          rateLimiter,
          onClose(closer) {
            closers.push(closer)
          },
          // The database outlives the scenario; everything the scenario opened closes here.
          close: closeAll,
        }

        const phone = normalizePhone(scenario.user)
        await seedMapping(scenario, tenant, phone, clock, roleOfPersonFrom(config))
        const handler = await createTurnHandler(adapters)
        const process = createMessageProcessor({
          handler,
          recorder: base.recorder,
          rateLimiter,
          rateLimit: config.RATE_LIMIT_MESSAGES,
          log: base.log,
          metrics,
          now: () => clock.now(),
        })
        const from = scenario.user.replace(/\D/g, '')
        return {
          tenant,
          config,
          from,
          send(inbound) {
            const message: InboundMessage = {
              ...inbound,
              from,
              receivedAt: clock.now().toISOString(),
              channel: scenario.setup.channel,
            }
            // Called directly, as the worker would after dequeuing: one turn at a time, in order.
            return process(message, {
              id: message.messageId,
              partition: 0,
              message,
              enqueuedAt: clock.now().getTime(),
            })
          },
          async storedFacts() {
            const reports = await database.db.select().from(feedbackReports)
            const mapping = phone ? await directory.findByPhone(phone) : undefined
            return {
              feedback: reports.map((report) => ({
                question: report.question,
                answer: report.answer,
                comment: report.comment,
              })),
              consent: mapping?.consent ?? 'none',
            }
          },
          close: closeAll,
        }
      } catch (error) {
        await closeAll()
        throw error
      }
    },
    close: () => base.close(),
  }

  /**
   * `consent: granted` (the default) stores the mapping as a returning user who agreed earlier,
   * so most scenarios start at the question they are about; `none` leaves a first contact.
   */
  async function seedMapping(
    scenario: Scenario,
    tenant: ScenarioTenant,
    phone: string | undefined,
    clock: ScenarioClock,
    roleOf: (person: Person) => Role,
  ): Promise<void> {
    if (scenario.setup.consent === 'none' || !phone) return
    const lastNine = phone.slice(-9)
    for (const candidate of tenant.dataset.tenants) {
      for (const person of candidate.people.values()) {
        const numbers = [person.Phone, person.Mobile].map((value) =>
          (value ?? '').replace(/\D/g, '').slice(-9),
        )
        if (!numbers.includes(lastNine)) continue
        await directory.upsert({
          phone,
          personId: person.Id,
          tenantId: candidate.id,
          displayName: `${person.FirstName} ${person.LastName}`,
          // A copy: the seeded record as the API returns it (a plain object).
          role: roleOf({ ...person }),
        })
        const at = new Date(clock.start.getTime() - 24 * 3600_000)
        if (scenario.setup.consent !== 'unknown')
          await directory.setConsent(phone, scenario.setup.consent, at)
        return
      }
    }
  }
}
