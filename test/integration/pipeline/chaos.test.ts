import { describe, expect, it } from 'vitest'
import { runChaosScenario } from '../../support/chaos-scenario.ts'

// Chaos, bounded and on loopback only (see runChaosScenario): a private AOF redis-server, one webhook,
// two workers; triplicated traffic from 40 users, two messages at a time, while Redis is killed -9
// (down longer than the partition lease, so every lease lapses), a worker is killed -9 holding
// unfinished entries, and Redis is killed -9 again. The targets: nothing stranded, nothing
// sent twice, every reply in order per user, within 30 s of Redis returning and within the lease + 5 s
// of a crash. CHAOS_OUTAGES_S="6,12" (the default) sets the outages; `npm run chaos` runs longer ones.
const outagesMs = (process.env.CHAOS_OUTAGES_S ?? '6,12').split(',').map((seconds) => Number(seconds) * 1000)
const budgetMs = 90_000 + outagesMs.reduce((sum, ms) => sum + ms, 0)

describe('chaos: Redis killed twice and a worker killed, under triplicated traffic', () => {
  it(
    'answers every accepted message exactly once, in order per user, within the bounds',
    async () => {
      const report = await runChaosScenario({ outagesMs })
      const { diagnostics, ...summary } = report
      console.log(JSON.stringify({ chaos: summary }))
      if (diagnostics) console.log(diagnostics)

      expect(report.accepted).toBeGreaterThan(200)
      expect(report.unanswered).toEqual([])
      // Redis outages: nothing sent twice. A kill -9 of the outbox sender can land after Infobip took
      // a reply and before the database heard of it; only those (at most one batch, 16, all sent
      // within a second before the kill) may go out again, with the same message id.
      const crashWindow = report.duplicateSends.filter(
        (send) => report.victimHeldOutbox && send.firstMsFromKill >= -1_000 && send.firstMsFromKill <= 0,
      )
      expect(report.duplicateSends.filter((send) => !crashWindow.includes(send))).toEqual([])
      expect(crashWindow.length).toBeLessThanOrEqual(16)
      expect(report.outOfOrder).toEqual([])
      // The crash left entries to take over: the survivor's reclaim (and its ordering) was exercised.
      expect(report.victimPending.total).toBeGreaterThan(0)
      expect(report.faults.map((fault) => fault.fault)).toEqual([
        `redis kill -9, ${outagesMs[0]! / 1000} s down`,
        'worker kill -9',
        ...outagesMs.slice(1).map((ms) => `redis kill -9, ${ms / 1000} s down`),
      ])
      for (const fault of report.faults) {
        expect(fault.accepted, fault.fault).toBeGreaterThan(0)
        expect(fault.answered, fault.fault).toBe(fault.accepted)
        if (fault.fault !== 'worker kill -9') expect(fault.duplicates, fault.fault).toBe(0)
        expect(fault.worstDelayMs, fault.fault).toBeLessThan(fault.boundMs)
      }
    },
    budgetMs,
  )
})
