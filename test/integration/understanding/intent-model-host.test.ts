import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { Registry } from 'prom-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIntentModelHost } from '../../../src/app/create-intent-model-host.ts'
import { createCorpusExampleStore } from '../../../src/db/corpus-example-store.ts'
import { type Database, openDatabase } from '../../../src/db/database.ts'
import { createUnderstandingMetrics } from '../../../src/observability/understanding-metrics.ts'
import { createTeachableIntentClassifier } from '../../../src/understanding/create-teachable-intent-classifier.ts'
import { formatCorpusFile } from '../../../src/understanding/format-corpus-yaml.ts'
import { loadOrTrainModel } from '../../../src/understanding/model-cache.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'

const FIXTURE: Record<string, string[]> = {
  vehicle_mileage: ['koliko imam km', 'stanje kilometraže', 'kolko km ima golf', 'koliko je prešao moj auto'],
  my_bookings: ['moje rezervacije', 'koje rezervacije imam', 'pokaži mi rezervacije', 'imam li rezervaciju'],
}

let testDatabase: TestDatabase
let database: Database
let corpusDir: string

beforeAll(async () => {
  testDatabase = await createTestDatabase()
  database = await openDatabase({ url: testDatabase.url, dataDir: ':memory:' })
  corpusDir = await mkdtemp(join(tmpdir(), 'm1-host-corpus-'))
  for (const [intent, texts] of Object.entries(FIXTURE))
    await writeFile(join(corpusDir, `${intent}.yaml`), formatCorpusFile(intent, texts, 'fixture'))
}, 60_000)
afterAll(async () => {
  await database?.close()
  await testDatabase?.drop()
  await rm(corpusDir, { recursive: true, force: true })
})

describe('intent model host', () => {
  it('starts with the stored corrections and picks up new ones by polling the database', async () => {
    const store = createCorpusExampleStore(database.db)
    await store.save({ text: 'sat na krntiji', intent: 'vehicle_mileage', createdBy: 'admin' })
    const registry = new Registry()
    const host = createIntentModelHost({
      store,
      log: pino({ level: 'silent' }),
      metrics: createUnderstandingMetrics(registry),
      pollMs: 50,
    })
    expect(host.status()).toBeUndefined()
    const model = await host.attach((examples) =>
      createTeachableIntentClassifier({
        corpusDir,
        examples,
        // In this thread: the worker is covered by retrain-in-worker.test.ts.
        loadModel: (corpus) => loadOrTrainModel(corpus, {}),
      }),
    )
    expect(host.status()).toMatchObject({ state: 'ready', examples: 1 })

    // Another process (the admin role) stores a correction: this one notices within a poll.
    await store.save({ text: 'kad mi je termin za auto', intent: 'my_bookings', createdBy: 'admin' })
    const deadline = Date.now() + 20_000
    while (host.status()!.examples !== 2) {
      if (Date.now() > deadline) throw new Error(`not retrained: ${JSON.stringify(host.status())}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(model.classify('kad mi je termin za auto').ranking[0]!.intent).toBe('my_bookings')
    expect(await registry.metrics()).toMatch(/m1_intent_model_retrains_total\{result="swapped"\} 1/)
    expect(await registry.metrics()).toMatch(/m1_intent_model_operator_examples 2/)

    // A removal retrains too; refresh() is what the dashboard of the same process calls at once.
    const [first] = await store.all()
    await store.remove(first!.id)
    await expect(host.refresh()).resolves.toMatchObject({ kind: 'swapped', examples: 1 })
    await expect(host.refresh()).resolves.toEqual({ kind: 'unchanged' })
    host.close()
  }, 60_000)
})
