import type { FakeInfobipMessage } from '../../src/sandbox/fake-infobip/index.ts'
import { type M1Process, startM1 } from './m1-process.ts'

/** Tracks spawned roles so every test can stop exactly the processes it started. */
export function createProcessGroup(baseEnv: () => Record<string, string>) {
  const started: M1Process[] = []
  return {
    async start(role: 'serve' | 'webhook' | 'worker', env: Record<string, string> = {}) {
      const process = await startM1(role, { ...baseEnv(), ...env })
      started.push(process)
      return process
    },
    async stopAll() {
      await Promise.all(started.splice(0).map((process) => process.kill('SIGKILL')))
    },
  }
}

/** Waits until `predicate` holds for the fake's messages, then returns the matching ones. */
export async function waitForReplies(
  messages: FakeInfobipMessage[],
  filter: (message: FakeInfobipMessage) => boolean,
  count: number,
  timeoutMs = 15_000,
): Promise<FakeInfobipMessage[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const matching = messages.filter(filter)
    if (matching.length >= count) return matching
    if (Date.now() > deadline) {
      throw new Error(`expected ${count} replies within ${timeoutMs} ms, got ${matching.length}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
