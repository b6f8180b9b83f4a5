import { isIPv4 } from 'node:net'

/**
 * True when a listen address only accepts connections from this machine: `localhost`,
 * 127.0.0.0/8, `::1` (also written `[::1]` or `::ffff:127.x.x.x`). `0.0.0.0`, `::`, an empty
 * host and every other address or name open the port to the network.
 */
export function isLoopbackHost(host: string): boolean {
  const value = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
  if (value === 'localhost' || value.endsWith('.localhost')) return true
  if (value === '::1' || value === '0:0:0:0:0:0:0:1') return true
  const v4 = value.startsWith('::ffff:') ? value.slice('::ffff:'.length) : value
  return isIPv4(v4) && v4.startsWith('127.')
}
