/** Lets an in-memory reader block until something is written, like a Redis BLOCK read. */
export class WakeSignal {
  private waiters: (() => void)[] = []

  wait(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs)
      const waiters = this.waiters
      function done() {
        clearTimeout(timer)
        const index = waiters.indexOf(done)
        if (index >= 0) waiters.splice(index, 1)
        resolve()
      }
      waiters.push(done)
    })
  }

  wake(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const waiter of waiters) waiter()
  }
}
