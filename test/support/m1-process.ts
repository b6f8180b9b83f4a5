import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { freePort } from './free-port.ts'

const binPath = fileURLToPath(new URL('../../bin/m1.js', import.meta.url))
const projectRoot = fileURLToPath(new URL('../..', import.meta.url))

export interface M1Process {
  child: ChildProcess
  /** HTTP port: PORT for serve/webhook, METRICS_PORT for worker. */
  port: number
  url: string
  output(): string
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>
  kill(signal?: NodeJS.Signals): Promise<number | string>
}

/** Environment every spawned role gets: quiet, test mode, never the developer's shell settings. */
function baseEnvironment(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
  }
}

/** Runs `m1 <args>` to completion (config errors, migrate, dlq). */
export function runM1(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: projectRoot,
      env: { ...baseEnvironment(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`m1 ${args.join(' ')} did not exit within ${timeoutMs} ms: ${stderr}`))
    }, timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** Starts a long-running role and resolves once its /health answers. */
export async function startM1(
  role: 'serve' | 'webhook' | 'worker',
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<M1Process> {
  const port = await freePort()
  const portVariable = role === 'worker' ? 'METRICS_PORT' : 'PORT'
  const child = spawn(process.execPath, [binPath, role], {
    cwd: projectRoot,
    env: { ...baseEnvironment(), ...env, [portVariable]: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  )
  const url = `http://127.0.0.1:${port}`
  const process_: M1Process = {
    child,
    port,
    url,
    output: () => output,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
  const deadline = Date.now() + timeoutMs
  let exitedEarly = false
  void exited.then(() => (exitedEarly = true))
  while (Date.now() < deadline && !exitedEarly) {
    try {
      const response = await fetch(`${url}/health`)
      if (response.ok) return process_
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await process_.kill('SIGKILL')
  throw new Error(`m1 ${role} did not become healthy:\n${output}`)
}
