import { type Logger, pino } from 'pino'

/** `385*****4567`: enough to tell numbers apart in logs, not enough to identify a person. */
export function maskPhone(phone: string | undefined): string {
  if (!phone) return ''
  if (phone.length <= 7) return '*'.repeat(phone.length)
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`
}

export function createLogger(options: { level: string; role: string }): Logger {
  return pino({
    level: options.level,
    base: { role: options.role },
    redact: {
      paths: ['phone', '*.phone', 'text', '*.text', 'authorization', '*.authorization', 'token'],
      censor: '[redacted]',
    },
  })
}
