/** What users see for a field the API did not return: said plainly, never guessed. */
export const NOT_AVAILABLE = 'nije dostupno'

/** The value if present (non-empty after trimming), otherwise "nije dostupno". */
export function orNotAvailable(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return NOT_AVAILABLE
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim()
  return text.length > 0 ? text : NOT_AVAILABLE
}
