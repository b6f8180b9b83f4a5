/**
 * chaos — the chaos test's scenario with outages of any length (issue 15's targets: 12 s and 4 min):
 * a private AOF redis-server killed -9 and restarted after each outage, a worker killed -9 between
 * the first and the second, triplicated traffic from 40 users throughout; loopback only.
 *
 *   npm run chaos -- --outage-s 240        # both Redis outages 4 minutes (~10 minutes in all)
 *   npm run chaos -- --outage-s 12,240     # the first 12 s, the second 4 minutes
 *
 * Prints one JSON line per fault (accepted, answered, duplicates, worst delay, answered within the
 * bound: 30 s of Redis returning, the lease + 5 s of a crash), then one summary line. Exits 1 when a
 * target is missed. Needs PostgreSQL (127.0.0.1:5432, database `test`) and `redis-server` on PATH.
 */
import { parseArgs } from 'node:util'
import { runChaosScenario } from '../test/support/chaos-scenario.ts'
import { say } from './bench-support.ts'

const { values } = parseArgs({
  options: {
    'outage-s': { type: 'string', default: '12' },
    'lease-ms': { type: 'string', default: '3000' },
    users: { type: 'string', default: '40' },
  },
})
const outages = values['outage-s'].split(',').map(Number)
const outagesMs = (outages.length === 1 ? [outages[0]!, outages[0]!] : outages).map(
  (seconds) => seconds * 1000,
)
if (outagesMs.some((ms) => !Number.isFinite(ms) || ms <= 0)) {
  say('--outage-s takes seconds, e.g. 240 or 12,240')
  process.exit(2)
}

const startedAt = Date.now()
const report = await runChaosScenario({
  outagesMs,
  leaseMs: Number(values['lease-ms']),
  users: Number(values.users),
  progress: say,
})
for (const fault of report.faults) {
  process.stdout.write(`${JSON.stringify({ bench: 'chaos', ...fault })}\n`)
}
const { diagnostics, faults, ...summary } = report
if (diagnostics) say(diagnostics)
const met =
  report.unanswered.length === 0 &&
  report.duplicates === 0 &&
  report.outOfOrder.length === 0 &&
  faults.every((fault) => fault.answeredWithinBound === fault.accepted)
process.stdout.write(
  `${JSON.stringify({
    bench: 'chaos',
    summary: { ...summary, unanswered: summary.unanswered.length, outOfOrder: summary.outOfOrder.length },
    outagesS: outagesMs.map((ms) => ms / 1000),
    met,
    runS: Math.round((Date.now() - startedAt) / 1000),
  })}\n`,
)
process.exit(met ? 0 : 1)
