import { createSandboxApp, type SandboxOptions } from './create-sandbox-app.ts'
import type { SandboxControl } from './sandbox-control.ts'
import type { SandboxDataset } from './sandbox-records.ts'

export interface StartSandboxOptions extends SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number
  host?: string
}

export interface RunningSandbox {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`; the token URL is `${url}/sso/connect/token`. */
  url: string
  clientId: string
  clientSecret: string
  tenantIds: string[]
  control: SandboxControl
  dataset: SandboxDataset
  close(): Promise<void>
}

/** Runs the simulated MobilityOne tenant over real HTTP. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = await createSandboxApp(options)
  const host = options.host ?? '127.0.0.1'
  await sandbox.app.listen({ port: options.port ?? 0, host })
  const address = sandbox.app.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${urlHost === '0.0.0.0' ? '127.0.0.1' : urlHost}:${port}`,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    tenantIds: sandbox.tenantIds,
    control: sandbox.control,
    dataset: sandbox.dataset,
    close: () => sandbox.app.close(),
  }
}
