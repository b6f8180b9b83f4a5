const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Zagreb',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

/** Operators work in Zagreb time whatever the server's zone. */
export function formatTime(value: Date | string | null | undefined): string {
  if (!value) return '–'
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? String(value) : timeFormat.format(date)
}

export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–'
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)} %`
}

/** For datetime-local inputs (Zagreb wall time is not needed for filters: UTC keeps it unambiguous). */
export function toInputValue(date: Date | undefined): string {
  return date ? date.toISOString().slice(0, 16) : ''
}
