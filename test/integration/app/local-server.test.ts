import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises'
import { createConnection, createServer } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../../src/admin/auth/password-hash.ts'
import { freePort } from '../../support/free-port.ts'
import { runM1 } from '../../support/m1-process.ts'

// The local run as a newcomer gets it: `npm start` / `node bin/m1.js serve` with the embedded
// defaults (PGlite, in-memory queues, simulated tenant), no HOST, no NODE_ENV. Real processes,
// real HTTP, real signals.

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url))
const binPath = join(projectRoot, 'bin/m1.js')
/** A cold start trains the intent model and builds the registry: slow on a busy 2-vCPU machine. */
const START_TIMEOUT_MS = 150_000
/** SIGTERM to "exited and the port is free". */
const STOP_BOUND_MS = 10_000

const dataDirs: string[] = []
/** DATA_DIR of the first server that started: later ones start from its caches (as a second run would). */
let warmDataDir: string | undefined

async function copyCaches(from: string, to: string): Promise<void> {
  for (const name of await readdir(from)) {
    if (/^(registry|intent-model)-[\w-]+\.json$/.test(name)) await copyFile(join(from, name), join(to, name))
  }
}
afterAll(async () => {
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true })
})

interface Started {
  child: ChildProcess
  port: number
  output(): string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Only what a fresh shell would have: no HOST, no NODE_ENV, no database or Redis. */
async function start(command: 'node' | 'npm', env: Record<string, string> = {}): Promise<Started> {
  const port = await freePort()
  const dataDir = await mkdtemp(join(tmpdir(), 'm1-local-'))
  dataDirs.push(dataDir)
  if (warmDataDir) await copyCaches(warmDataDir, dataDir)
  const environment = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ...env,
  }
  const child =
    command === 'node'
      ? spawn(process.execPath, [binPath, 'serve'], { cwd: projectRoot, env: environment })
      : spawn('npm', ['start'], { cwd: projectRoot, env: environment })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  let gone = false
  void exited.then(() => (gone = true))
  const deadline = Date.now() + START_TIMEOUT_MS
  while (!gone && Date.now() < deadline) {
    const status = await fetch(`http://127.0.0.1:${port}/`).then(
      (response) => response.status,
      () => 0,
    )
    if (status === 200) {
      warmDataDir ??= dataDir
      return { child, port, output: () => output, exited }
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  // npm's child (the server) would outlive npm: kill the whole tree.
  for (const pid of [...descendants(child.pid!), child.pid!].filter(alive)) process.kill(pid, 'SIGKILL')
  throw new Error(`${command} did not answer 200 on / within ${START_TIMEOUT_MS} ms:\n${output}`)
}

/** Resolves true when nothing accepts connections on host:port. */
function refused(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port })
    socket.setTimeout(2000)
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(true))
  })
}

/** The port can be bound again (no process holds it). */
function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

function descendants(pid: number): number[] {
  let children: number[] = []
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
  } catch {
    return []
  }
  return children.flatMap((child) => [child, ...descendants(child)])
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** A non-loopback IPv4 address of this machine, when it has one. */
function externalAddress(): string | undefined {
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) if (entry.family === 'IPv4' && !entry.internal) return entry.address
  }
  return undefined
}

function basic(user: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` }
}

async function stopWithin(started: Started, bound: number): Promise<{ code: number | null; ms: number }> {
  const before = Date.now()
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), bound))
  const result = await Promise.race([started.exited, timer])
  if (result === 'timeout') {
    for (const pid of [...descendants(started.child.pid!), started.child.pid!].filter(alive))
      process.kill(pid, 'SIGKILL')
    throw new Error(`still running ${bound} ms after SIGTERM:\n${started.output()}`)
  }
  return { code: result.code, ms: Date.now() - before }
}

describe('npm start on a newcomer machine', () => {
  it(
    'node bin/m1.js serve listens on 127.0.0.1 only, offers admin / admin there, and SIGTERM stops it and frees the port',
    async () => {
      const server = await start('node')
      try {
        const external = externalAddress()
        if (external) expect(await refused(external, server.port)).toBe(true)
        expect(server.output()).toContain('this machine only')
        const overview = await fetch(`http://127.0.0.1:${server.port}/admin/api/overview`, {
          headers: basic('admin', 'admin'),
        })
        expect(overview.status).toBe(200)
      } finally {
        server.child.kill('SIGTERM')
      }
      const stopped = await stopWithin(server, STOP_BOUND_MS)
      expect(stopped.code, server.output()).toBe(0)
      expect(server.output()).toContain('shutting down')
      expect(await refused('127.0.0.1', server.port)).toBe(true)
      expect(await bindable(server.port)).toBe(true)
    },
    START_TIMEOUT_MS + 2 * STOP_BOUND_MS,
  )

  it(
    'SIGTERM to the npm process of `npm start` reaches the server: npm and node exit, the port is freed',
    async () => {
      const server = await start('npm')
      const pids = descendants(server.child.pid!)
      try {
        // npm runs the script through a shell that execs node: the server is npm's child.
        expect(pids.length).toBeGreaterThan(0)
        server.child.kill('SIGTERM')
        await stopWithin(server, STOP_BOUND_MS)
        expect(server.output()).toContain('shutting down')
        const deadline = Date.now() + STOP_BOUND_MS
        while (pids.some(alive) && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 50))
        expect(pids.filter(alive)).toEqual([])
        expect(await refused('127.0.0.1', server.port)).toBe(true)
        expect(await bindable(server.port)).toBe(true)
      } finally {
        // A server left behind by a failing run would hold its port.
        for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL')
      }
    },
    START_TIMEOUT_MS + 3 * STOP_BOUND_MS,
  )

  it(
    'HOST=0.0.0.0 opens the server to the network, and then admin / admin does not exist unless ADMIN_USERS is set',
    async () => {
      const hash = await hashPassword('a long operator secret', { N: 1024 })
      const [open, configured] = await Promise.all([
        start('node', { HOST: '0.0.0.0' }),
        start('node', { HOST: '0.0.0.0', ADMIN_USERS: `ana:${hash}` }),
      ])
      try {
        const external = externalAddress()
        if (external) {
          expect((await fetch(`http://${external}:${open.port}/health`)).status).toBe(200)
        }
        expect(open.output()).toContain('reachable from the network')
        // Without accounts the dashboard is left out: the well-known password opens nothing.
        const refusedLogin = await fetch(`http://127.0.0.1:${open.port}/admin/api/overview`, {
          headers: basic('admin', 'admin'),
        })
        expect(refusedLogin.status).toBe(404)
        expect(open.output()).toMatch(
          /admin dashboard not mounted.*ADMIN_USERS|ADMIN_USERS.*admin dashboard not mounted/,
        )
        // The chat keeps working.
        expect((await fetch(`http://127.0.0.1:${open.port}/`)).status).toBe(200)

        const base = `http://127.0.0.1:${configured.port}/admin/api/overview`
        expect((await fetch(base, { headers: basic('admin', 'admin') })).status).toBe(401)
        expect((await fetch(base, { headers: basic('ana', 'a long operator secret') })).status).toBe(200)
      } finally {
        open.child.kill('SIGTERM')
        configured.child.kill('SIGTERM')
        await Promise.all([stopWithin(open, STOP_BOUND_MS), stopWithin(configured, STOP_BOUND_MS)])
      }
    },
    START_TIMEOUT_MS + 2 * STOP_BOUND_MS,
  )

  it('m1 admin on HOST=0.0.0.0 without ADMIN_USERS refuses to start with one line', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'm1-local-'))
    dataDirs.push(dataDir)
    const result = await runM1(['admin'], { HOST: '0.0.0.0', NODE_ENV: 'development', DATA_DIR: dataDir })
    expect(result.code).toBe(2)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^invalid configuration: ADMIN_USERS: .*loopback HOST/)
  })
})
