// Intent understanding benchmark: the product's routing (trained intent model first, see
// routeMessage) and the model alone, vs NLP.js (node-nlp, trained on the
// same corpus) vs today's rule router (ToolSearch with its conventions and no-tool decision), on
// labelled JSONL sets. Prints one JSON line per set per system (stdout), progress on stderr.
// Only aggregate figures are printed: the sets measure, they never tune (no items are shown).
//   node --import tsx bench/understanding.ts [--data file.jsonl ...] [--cv]
// --cv adds one line with the 5-fold cross-validated figures on our own corpus.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { NlpManager } from 'node-nlp'
import { registrySettingsFromConfig } from '../src/app/commands/registry-settings.ts'
import { checkIntentTable, INTENT_TABLE, intentEntry } from '../src/dialogue/intents/intent-table.ts'
import { createMessageRouter } from '../src/dialogue/intents/message-router.ts'
import { openRegistry } from '../src/registry/open-registry.ts'
import {
  evaluateRouting,
  parseRoutingCases,
  type RoutingCase,
  type RoutingReport,
} from '../src/search/routing-evaluation.ts'
import { type SearchHit, type SearchResult, ToolSearch } from '../src/search/tool-search.ts'
import { fitTemperature } from '../src/understanding/calibrate-temperature.ts'
import {
  createIntentClassifier,
  type IntentClassifier,
} from '../src/understanding/create-intent-classifier.ts'
import { crossValidate } from '../src/understanding/cross-validate.ts'
import { DEFAULT_THRESHOLDS } from '../src/understanding/decide-intent.ts'
import { loadCorpus } from '../src/understanding/load-corpus.ts'
import { summariseHeldOut } from '../src/understanding/summarise-held-out.ts'
import { TRAINING_RECIPE } from '../src/understanding/train-from-corpus.ts'
import { decideNoTool } from './baseline/no-tool-decision.ts'
import { percentile, round, say } from './bench-support.ts'

const args = process.argv.slice(2)
const dataFiles = args.flatMap((arg, index) => (args[index - 1] === '--data' ? [arg] : []))
const evalDir = fileURLToPath(new URL('../../shared/eval/', import.meta.url))
const files = dataFiles.length > 0 ? dataFiles : [`${evalDir}core-dev.jsonl`, `${evalDir}catalog-dev.jsonl`]

const { registry } = await openRegistry(registrySettingsFromConfig())
const router = new ToolSearch(registry)
// Catalogue retrieval for `other`: BM25 alone, the driver conventions are the model's job now.
const catalogue = new ToolSearch(registry, { conventions: [] })
const corpus = await loadCorpus()

// evaluateRouting reads only whether `noTool` is set, not its kind.
const NO_TOOL: SearchResult = { noTool: { kind: 'help' }, hits: [] }
const DRIVER_TOOLS = new Set(Object.values(INTENT_TABLE).flatMap((entry) => entry.tools))

/** The tools a ranking of intents leads to: driver intents' tools, catalogue hits for `other`. */
function resultOfRanking(text: string, intents: readonly string[]): SearchResult {
  const top = intents[0] === undefined ? undefined : intentEntry(intents[0])
  if (top?.kind === 'no-tool') return NO_TOOL
  const hits: SearchHit[] = []
  const seen = new Set<string>()
  const add = (hit: SearchHit) => {
    if (seen.has(hit.id) || hits.length >= 5) return
    seen.add(hit.id)
    hits.push(hit)
  }
  for (const intent of intents.slice(0, 5)) {
    const entry = intentEntry(intent)
    if (!entry || entry.kind === 'other') {
      const found = catalogue.search(text, { top: 5 })
      for (const hit of found.hits) add(hit)
    } else
      for (const id of entry.tools) {
        const tool = registry.get(id)
        if (tool) add({ id, score: 1, tool })
      }
  }
  return { hits }
}

function isTop1(result: SearchResult, item: RoutingCase): boolean {
  if (item.expected_tool === null) return result.noTool !== undefined
  const accepted = new Set([item.expected_tool, ...(item.accept ?? [])])
  return result.hits[0] !== undefined && accepted.has(result.hits[0].id)
}

const isDriverCase = (item: RoutingCase) =>
  [item.expected_tool, ...(item.accept ?? [])].some((tool) => tool !== null && DRIVER_TOOLS.has(tool))

interface Decided {
  result: SearchResult
  decision: 'act' | 'clarify' | 'fallback'
}

/** The common figures: routing (reused from `m1 eval routing`) plus decisions and driver top-1. */
function figures(cases: readonly RoutingCase[], decide: (text: string) => Decided, report: RoutingReport) {
  let confidentWrong = 0
  let clarify = 0
  let fallback = 0
  let driver = 0
  let driverRight = 0
  for (const item of cases) {
    const { result, decision } = decide(item.query)
    const right = isTop1(result, item)
    if (decision === 'act' && !right) confidentWrong++
    if (decision === 'clarify') clarify++
    if (decision === 'fallback') fallback++
    if (isDriverCase(item)) {
      driver++
      if (right) driverRight++
    }
  }
  const n = Math.max(1, cases.length)
  const { misses: _misses, ...routing } = report
  return {
    ...routing,
    top1_driver: round(driverRight / Math.max(1, driver), 4),
    n_driver: driver,
    confident_wrong: round(confidentWrong / n, 4),
    clarify_rate: round(clarify / n, 4),
    fallback_rate: round(fallback / n, 4),
  }
}

function print(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`)
}

// --- ours -----------------------------------------------------------------------------------
say('training ours ...')
const ours: IntentClassifier = await createIntentClassifier({ cacheDir: undefined })
checkIntentTable(registry, ours.intents)
/** The model alone, with BM25 for `other`: what the classifier contributes on its own. */
const modelDecide = (text: string): Decided => {
  const { ranking, decision } = ours.classify(text)
  return {
    result: resultOfRanking(
      text,
      ranking.map((score) => score.intent),
    ),
    decision: decision.kind,
  }
}

/** The product: the dialogue's own reader, model, routing and catalogue search (message-router.ts). */
const product = createMessageRouter({ intents: ours, search: router, registry })
const oursDecide = (text: string): Decided => {
  const routed = product.route(text)
  return { result: routed.result, decision: routed.decision }
}

// --- NLP.js on the same corpus ----------------------------------------------------------------
say('training NLP.js ...')
const nlp = new NlpManager({ languages: ['sr'], nlu: { log: false }, autoSave: false, autoLoad: false })
for (const example of corpus.examples) nlp.addDocument('sr', example.text, example.intent)
let started = performance.now()
await nlp.train()
const nlpTrainMs = performance.now() - started
const nlpBytes = Buffer.byteLength(nlp.export(true))

interface NlpAnswer {
  intent: string
  classifications: { intent: string; score: number }[]
}

async function nlpAnswers(cases: readonly RoutingCase[]) {
  const answers = new Map<string, NlpAnswer>()
  const times: number[] = []
  // Same shape as evaluateRouting's timing: warm-up, then timed passes (async, so measured here).
  for (let pass = 0; pass < 6; pass++) {
    for (const item of cases) {
      const begin = process.hrtime.bigint()
      const answer = (await nlp.process('sr', item.query)) as NlpAnswer
      if (pass > 0) times.push(Number(process.hrtime.bigint() - begin) / 1000)
      answers.set(item.query, answer)
    }
  }
  times.sort((a, b) => a - b)
  return { answers, p50: round(percentile(times, 0.5), 1), p99: round(percentile(times, 0.99), 1) }
}

for (const file of files) {
  const set = basename(file).replace(/\.jsonl$/, '')
  const cases = parseRoutingCases(readFileSync(file, 'utf8'))
  say(`${set}: ${cases.length} items`)

  const oursReport = evaluateRouting(cases, (text) => oursDecide(text).result)
  print({
    set,
    system: 'ours',
    ...figures(cases, oursDecide, oursReport),
    train_ms: round(ours.trainMs, 0),
    model_bytes: ours.modelBytes,
  })
  const modelReport = evaluateRouting(cases, (text) => modelDecide(text).result)
  print({ set, system: 'model-only', ...figures(cases, modelDecide, modelReport) })

  const { answers, p50, p99 } = await nlpAnswers(cases)
  const nlpDecide = (text: string): Decided => {
    const answer = answers.get(text)!
    const ranking = answer.classifications.filter((c) => c.intent !== 'None').map((c) => c.intent)
    // NLP.js says 'None' below its own threshold: its "not sure", which goes to catalogue search.
    const sure = answer.intent !== 'None'
    return {
      result: sure ? resultOfRanking(text, ranking) : catalogue.search(text, { top: 5 }),
      decision: sure ? 'act' : 'fallback',
    }
  }
  const nlpReport = evaluateRouting(cases, (text) => nlpDecide(text).result)
  print({
    set,
    system: 'nlpjs',
    ...figures(cases, nlpDecide, nlpReport),
    p50_us: p50,
    p99_us: p99,
    train_ms: round(nlpTrainMs, 0),
    model_bytes: nlpBytes,
  })

  // Today's rule router as it was: its own no-tool decision first, then conventions and BM25.
  const routerSearch = (text: string): SearchResult => {
    const understood = router.understand(text)
    const noTool = decideNoTool(text, understood)
    return noTool ? { noTool, hits: [] } : router.search(text, { top: 5, understood })
  }
  const routerReport = evaluateRouting(cases, routerSearch)
  // The router always acts on its first hit (or its no-tool answer): it has no "not sure".
  print({
    set,
    system: 'rule-router',
    ...figures(cases, (text) => ({ result: routerSearch(text), decision: 'act' }), routerReport),
  })
}

if (args.includes('--cv')) {
  say('5-fold cross-validation on the corpus ...')
  started = performance.now()
  const scores = crossValidate(corpus.examples, corpus.intents, {
    folds: 5,
    augment: TRAINING_RECIPE.augment,
    train: TRAINING_RECIPE.train,
  })
  const cvMs = performance.now() - started
  const temperature = TRAINING_RECIPE.train.temperature ?? 1
  const summary = (variant: boolean) =>
    summariseHeldOut(
      scores.filter((score) => score.variant === variant),
      corpus.intents,
      temperature,
      DEFAULT_THRESHOLDS,
    )
  print({
    set: 'corpus-cv',
    system: 'ours',
    folds: 5,
    temperature,
    refit_temperature: round(fitTemperature(scores), 3),
    thresholds: DEFAULT_THRESHOLDS,
    as_written: summary(false),
    noisy_variants: summary(true),
    all: summariseHeldOut(scores, corpus.intents, temperature, DEFAULT_THRESHOLDS),
    cv_ms: round(cvMs, 0),
  })
}
