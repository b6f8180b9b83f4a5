import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { createDialogueEngine } from '../../../../src/dialogue/create-dialogue-engine.ts'
import type { FeedbackReport, FeedbackStore } from '../../../../src/dialogue/feedback-store.ts'
import { ProviderCache } from '../../../../src/dialogue/provider-cache.ts'
import type { DialogueDeps } from '../../../../src/dialogue/turn-scope.ts'
import { createAccessPolicy } from '../../../../src/fleet/access/create-access-policy.ts'
import { createFleetClient, type FleetClient } from '../../../../src/fleet/create-fleet-client.ts'
import { createUserContextProvider } from '../../../../src/identity/user-context-provider.ts'
import type { AccessPolicy } from '../../../../src/ports/access-policy.ts'
import type { InboundMessage } from '../../../../src/ports/messages.ts'
import type { TurnResult } from '../../../../src/ports/turn-handler.ts'
import type { UserTurnHandler } from '../../../../src/ports/user-context.ts'
import {
  listSeededDrivers,
  type RunningSandbox,
  type SeededDriver,
  startSandbox,
} from '../../../../src/sandbox/mobilityone/index.ts'
import { createMemoryConversationStore } from '../../../../src/store/memory-conversation-store.ts'
import {
  createIntentClassifier,
  type IntentClassifier,
} from '../../../../src/understanding/create-intent-classifier.ts'

export interface DialogueHarness {
  sandbox: RunningSandbox
  fleet: FleetClient
  drivers: SeededDriver[]
  feedback: (FeedbackReport & { id: number })[]
  engine: UserTurnHandler
  /** Sends one message as the driver at `now`, returns the turn result. */
  say(driver: SeededDriver, text: string, extra?: Partial<InboundMessage>): Promise<TurnResult>
  now: Date
  close(): Promise<void>
}

const log = pino({ level: 'silent' })

let classifier: Promise<IntentClassifier> | undefined
/** The production model over the repository corpus, cached on disk by corpus hash across test files. */
function testIntentClassifier(): Promise<IntentClassifier> {
  classifier ??= createIntentClassifier({ cacheDir: join(tmpdir(), 'm1-test-model-cache') })
  return classifier
}

/** The engine against the real sandbox over HTTP, with an in-memory store and feedback list. */
export async function createDialogueHarness(
  now = new Date('2026-03-09T08:00:00.000Z'),
  options: {
    fleetTimeoutMs?: number
    intents?: DialogueDeps['intents']
    /** Wraps the access policy (to observe or refuse its checks). */
    wrapAccess?: (policy: AccessPolicy) => AccessPolicy
  } = {},
): Promise<DialogueHarness> {
  const sandbox = await startSandbox({ baseDate: '2026-03-09', now: () => harness.now })
  const fleet = createFleetClient({
    baseUrl: sandbox.url,
    authUrl: `${sandbox.url}/sso/connect/token`,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    defaultTenantId: sandbox.tenantIds[0]!,
    timeouts: { connectMs: 1_000, totalMs: options.fleetTimeoutMs ?? 5_000 },
    retry: { maxAttempts: 1 },
  })
  const contexts = createUserContextProvider({ fleet })
  const feedback: (FeedbackReport & { id: number })[] = []
  const feedbackStore: FeedbackStore = {
    async record(report) {
      feedback.push({ ...report, id: feedback.length + 1 })
      return feedback.length
    },
    async addComment(id, comment) {
      const report = feedback[id - 1]
      if (report) report.comment = `${report.comment ?? ''}\n${comment}`
    },
  }
  const engine = createDialogueEngine({
    access: (options.wrapAccess ?? ((policy) => policy))(createAccessPolicy({ fleet })),
    store: createMemoryConversationStore(),
    feedback: feedbackStore,
    invalidateUser: (personId) => contexts.invalidate(personId),
    providerCache: new ProviderCache(),
    intents: options.intents ?? (await testIntentClassifier()),
  })
  let counter = 0
  const harness: DialogueHarness = {
    sandbox,
    fleet,
    drivers: listSeededDrivers(sandbox.dataset),
    feedback,
    engine,
    now,
    async say(driver, text, extra = {}) {
      const user = await contexts.get({
        phone: driver.whatsapp,
        personId: driver.personId,
        tenantId: driver.tenantId,
        displayName: driver.displayName,
        consent: 'granted',
        consentAt: harness.now,
        active: true,
        role: 'driver',
      })
      return engine(
        {
          messageId: `m${++counter}`,
          from: driver.whatsapp,
          receivedAt: harness.now.toISOString(),
          kind: 'text',
          text,
          channel: 'whatsapp',
          ...extra,
        },
        { turnId: `t${counter}`, log, now: harness.now, user },
      )
    },
    async close() {
      await fleet.close()
      await sandbox.close()
    },
  }
  return harness
}
