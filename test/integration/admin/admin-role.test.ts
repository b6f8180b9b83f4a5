import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../../src/admin/auth/password-hash.ts'
import { freePort } from '../../support/free-port.ts'
import { runM1 } from '../../support/m1-process.ts'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts'

const binPath = fileURLToPath(new URL('../../../bin/m1.js', import.meta.url))
let database: TestDatabase

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database?.drop()
})

describe('m1 admin role', () => {
  it('refuses to start in production without operator accounts', async () => {
    const result = await runM1(['admin'], {
      NODE_ENV: 'production',
      WEBHOOK_AUTH_DISABLED: 'true',
      DATABASE_URL: database.url,
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('ADMIN_USERS')
  })

  it('refuses plain-text passwords in ADMIN_USERS', async () => {
    const result = await runM1(['admin'], {
      NODE_ENV: 'production',
      WEBHOOK_AUTH_DISABLED: 'true',
      DATABASE_URL: database.url,
      ADMIN_USERS: 'ana:hunter2',
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('m1 admin hash-password')
  })

  it('serves the dashboard with health, readiness and metrics, secure cookies in production', async () => {
    const port = await freePort()
    const hash = await hashPassword('a long operator secret', { N: 1024 })
    const child = spawn(process.execPath, [binPath, 'admin'], {
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(port),
        WEBHOOK_AUTH_DISABLED: 'true',
        DATABASE_URL: database.url,
        ADMIN_USERS: `ana:${hash}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stderr.on('data', (chunk) => (output += chunk))
    const base = `http://127.0.0.1:${port}`
    try {
      const deadline = Date.now() + 20_000
      for (;;) {
        const ok = await fetch(`${base}/health`).then(
          (response) => response.ok,
          () => false,
        )
        if (ok) break
        if (Date.now() > deadline) throw new Error(`admin role did not start: ${output}`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect((await fetch(`${base}/ready`)).status).toBe(200)
      const metrics = await (await fetch(`${base}/metrics`)).text()
      expect(metrics).toContain('m1_admin_logins_total')
      expect(metrics).toContain('role="admin"')
      const login = await fetch(`${base}/admin/login`)
      expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict; Secure/)
      expect(await login.text()).not.toContain('<code>admin</code>')
      const api = await fetch(`${base}/admin/api/overview`, {
        headers: { authorization: `Basic ${Buffer.from('ana:a long operator secret').toString('base64')}` },
      })
      expect(api.status).toBe(200)
      // The admin role has no webhook.
      expect((await fetch(`${base}/webhook/infobip`, { method: 'POST', body: '{}' })).status).toBe(404)
    } finally {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    }
  })
})
