import { setTimeout as delay } from 'node:timers/promises'
import { createDialogueEngine } from '../dialogue/create-dialogue-engine.ts'
import { checkIntentTable } from '../dialogue/intents/intent-table.ts'
import { ProviderCache } from '../dialogue/provider-cache.ts'
import { createAccessPolicy, DEFAULT_DRIVER_TOOLS } from '../fleet/access/create-access-policy.ts'
import { createIdentityGate } from '../identity/create-identity-gate.ts'
import { createDrizzleDirectory } from '../identity/drizzle-directory.ts'
import { createPersonResolver } from '../identity/person-resolver.ts'
import { createRoleOfPerson } from '../identity/role-of-person.ts'
import { createUserContextProvider } from '../identity/user-context-provider.ts'
import { createLlmPath } from '../llm/create-llm-path.ts'
import type { UnderstandingMetrics } from '../observability/understanding-metrics.ts'
import { placeholderTurnHandler } from '../pipeline/placeholder-turn-handler.ts'
import type { HeldMessageStore } from '../ports/held-message-store.ts'
import type { TurnHandler } from '../ports/turn-handler.ts'
import { openRegistry } from '../registry/open-registry.ts'
import { ToolSearch } from '../search/tool-search.ts'
import type { ConversationStore } from '../store/conversation-store.ts'
import { createDrizzleFeedbackStore } from '../store/drizzle-feedback-store.ts'
import { createMemoryHeldMessageStore, createRedisHeldMessageStore } from '../store/held-message-stores.ts'
import { createMemoryConversationStore } from '../store/memory-conversation-store.ts'
import { createRedisConversationStore } from '../store/redis-conversation-store.ts'
import {
  createTeachableIntentClassifier,
  type TeachableIntentClassifier,
} from '../understanding/create-teachable-intent-classifier.ts'
import type { CorpusExample } from '../understanding/load-corpus.ts'
import type { Adapters } from './create-adapters.ts'
import { createFleetAccess } from './create-fleet-access.ts'

/** Builds what answers a turn: the identity gate around the dialogue engine, from the adapters. */
export async function createTurnHandler(adapters: Adapters): Promise<TurnHandler> {
  const { config, log } = adapters
  if (config.TURN_HANDLER === 'placeholder') {
    return withTestTurnDelay(placeholderTurnHandler, config.M1_TEST_TURN_DELAY_MS)
  }
  const access = await createFleetAccess(adapters)
  const directory = createDrizzleDirectory(adapters.database.db)
  const resolver = createPersonResolver({
    fleet: access.fleet,
    directory,
    defaultTenantId: access.defaultTenantId,
    tenantIds: access.tenantIds,
    cache: {
      max: config.IDENTITY_CACHE_MAX,
      ttlMs: config.IDENTITY_CACHE_TTL_SECONDS * 1000,
      negativeTtlMs: config.IDENTITY_NEGATIVE_TTL_SECONDS * 1000,
    },
    defaultRegion: config.IDENTITY_DEFAULT_REGION as never,
    roleOf: createRoleOfPerson({
      personTypes: listOf(config.ACCESS_FLEET_PERSON_TYPES) ?? [],
      orgUnits: listOf(config.ACCESS_FLEET_ORG_UNITS) ?? [],
    }),
  })
  const contexts = createUserContextProvider({
    fleet: access.fleet,
    cache: { max: config.USER_CONTEXT_CACHE_MAX, ttlMs: config.USER_CONTEXT_TTL_SECONDS * 1000 },
  })

  // Tool retrieval is optional: without a spec source the templates and flows still work.
  let registry: Awaited<ReturnType<typeof openRegistry>>['registry'] | undefined
  let search: ToolSearch | undefined
  try {
    const loaded = await openRegistry({
      specs: config.SPECS,
      services: config.SPEC_SERVICES,
      apiUrl: access.apiUrl,
      // A configured tenant's own specs describe what it really serves.
      preferLive: !adapters.sandbox,
      fetchSpec: (url) => access.fleet.fetchDocument(url),
      dataDir: config.DATA_DIR,
      cache: config.REGISTRY_CACHE,
    })
    registry = loaded.registry
    search = new ToolSearch(registry)
    log.info({ tools: registry.size, fromCache: loaded.fromCache }, 'tool registry loaded')
  } catch (error) {
    log.warn({ err: String(error) }, 'tool registry unavailable; generic tool flows disabled')
  }

  const intents = await adapters.intentModel.attach((examples) =>
    sharedIntentClassifier(config.DATA_DIR, examples),
  )
  try {
    if (registry) checkIntentTable(registry, intents.intents)
  } catch (error) {
    // A partial catalogue (a tenant serving fewer services) still runs; those intents fall back to search.
    log.error({ err: String(error) }, 'intent table names tools this registry lacks')
  }
  log.info(
    { intents: intents.intents.length, trainMs: intents.trainMs, fromCache: intents.fromCache },
    'intent model ready',
  )

  const store = adapters.redis
    ? createRedisConversationStore({ redis: adapters.redis, prefix: config.REDIS_PREFIX })
    : createMemoryConversationStore()
  const providerCache = new ProviderCache()
  // The request a new user sent before answering the consent question, until they answer.
  const held = adapters.redis
    ? createRedisHeldMessageStore({ redis: adapters.redis, prefix: config.REDIS_PREFIX })
    : createMemoryHeldMessageStore()
  registerDialogueHolders(adapters, { resolver, contexts, store, providerCache, held })
  const engine = createDialogueEngine({
    access: createAccessPolicy({
      fleet: access.fleet,
      registry,
      driverTools: listOf(config.ACCESS_DRIVER_TOOLS) ?? DEFAULT_DRIVER_TOOLS,
      fleetAdminTools: listOf(config.ACCESS_FLEET_ADMIN_TOOLS) ?? [],
    }),
    store,
    registry,
    search,
    feedback: createDrizzleFeedbackStore(adapters.database.db),
    invalidateUser: (personId) => contexts.invalidate(personId),
    providerCache,
    intents,
    llm: await createLlmPath({ config, registry: adapters.metrics.registry, log, redis: adapters.redis }),
  })
  const gate = createIdentityGate({ resolver, consentStore: directory, contexts, held })
  return withTestTurnDelay(
    withUnderstandingMetrics(gate(engine), adapters.metrics.understanding),
    config.M1_TEST_TURN_DELAY_MS,
  )
}

/**
 * One model per process and cache directory: every turn handler of a process shares it. It starts
 * with the operators' corrections stored when it is first built; retraining swaps its model.
 */
const classifiers = new Map<string, Promise<TeachableIntentClassifier>>()
function sharedIntentClassifier(
  dataDir: string,
  examples: readonly CorpusExample[],
): Promise<TeachableIntentClassifier> {
  let classifier = classifiers.get(dataDir)
  if (!classifier) {
    classifier = createTeachableIntentClassifier({ cacheDir: dataDir, examples })
    classifier.catch(() => classifiers.delete(dataDir))
    classifiers.set(dataDir, classifier)
  }
  return classifier
}

/** Every turn's decision and "krivo" reach the understanding metrics (m1_understanding_*). */
function withUnderstandingMetrics(handler: TurnHandler, metrics: UnderstandingMetrics): TurnHandler {
  return async (inbound, context) => {
    const result = await handler(inbound, context)
    metrics.observe(result)
    return result
  }
}

/** A comma-separated config list; undefined when unset. */
function listOf(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
}

/** TEST ONLY (M1_TEST_TURN_DELAY_MS): a slow turn lets crash tests kill a worker mid-turn on purpose. */
function withTestTurnDelay(handler: TurnHandler, delayMs: number): TurnHandler {
  if (delayMs <= 0) return handler
  return async (inbound, context) => {
    await delay(delayMs)
    return handler(inbound, context)
  }
}

/** GDPR export and erase reach the caches and the conversation store built here. */
function registerDialogueHolders(
  adapters: Adapters,
  parts: {
    resolver: { forget(phone: string): void }
    contexts: { invalidate(personId: string): void }
    store: ConversationStore
    providerCache: ProviderCache
    held: HeldMessageStore
  },
): void {
  adapters.personalData.register({
    name: 'identity-caches',
    async erase(subject) {
      parts.resolver.forget(subject.phone)
      if (subject.personId) parts.contexts.invalidate(subject.personId)
      return subject.personId ? parts.providerCache.forgetPerson(subject.personId) : 0
    },
  })
  adapters.personalData.register({
    name: 'conversation-store',
    export: async (subject) => ({ history: await parts.store.readHistory(subject.phone, 1000) }),
    async erase(subject) {
      await parts.store.forget(subject.phone)
      return 1
    },
  })
  adapters.personalData.register({
    name: 'held-message',
    async erase(subject) {
      await parts.held.drop(subject.phone)
      return 1
    },
  })
}
