import type { Clock } from '../ports/clock.ts'

/**
 * Monday 9 March 2026, 09:00 in Zagreb (CET): a fixed start so "sutra", "u petak" and "15.3."
 * mean the same dates on every run, and before the DST change on 29 March.
 */
export const DEFAULT_SCENARIO_START = new Date('2026-03-09T08:00:00.000Z')

export interface ScenarioClock extends Clock {
  /** Moves time forward (wait steps); time never runs on by itself. */
  advanceMinutes(minutes: number): void
  /** The start of the scenario, which every relative template refers to. */
  readonly start: Date
}

/** A frozen clock that only moves when a scenario says `wait`. */
export function createScenarioClock(start: Date = DEFAULT_SCENARIO_START): ScenarioClock {
  let current = start.getTime()
  return {
    start,
    now: () => new Date(current),
    advanceMinutes(minutes) {
      current += Math.round(minutes * 60_000)
    },
  }
}
