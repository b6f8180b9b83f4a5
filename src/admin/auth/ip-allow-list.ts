import { isIPv4 } from 'node:net'

export type IpAllowList = (ip: string) => boolean

function ipv4ToNumber(ip: string): number {
  return ip.split('.').reduce((total, part) => total * 256 + Number(part), 0)
}

/** Exact addresses (IPv4 or IPv6) and IPv4 CIDR ranges; IPv4-mapped IPv6 addresses match their IPv4 form. */
export function parseIpAllowList(value: string | undefined): IpAllowList | undefined {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (entries.length === 0) return undefined
  const exact = new Set<string>()
  const ranges: { base: number; mask: number }[] = []
  for (const entry of entries) {
    const [address, bitsText] = entry.split('/')
    if (bitsText !== undefined) {
      const bits = Number(bitsText)
      if (!isIPv4(address!) || !Number.isInteger(bits) || bits < 0 || bits > 32) {
        throw new Error(`ADMIN_IP_ALLOWLIST: unsupported range "${entry}" (IPv4 CIDR only)`)
      }
      const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
      ranges.push({ base: (ipv4ToNumber(address!) & mask) >>> 0, mask })
    } else {
      exact.add(entry.toLowerCase())
    }
  }
  return (ip) => {
    const normalized = ip.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')
    if (exact.has(normalized) || exact.has(ip.toLowerCase())) return true
    if (!isIPv4(normalized)) return false
    const value = ipv4ToNumber(normalized)
    return ranges.some((range) => (value & range.mask) >>> 0 === range.base)
  }
}
