/** Lists shown to users hold at most this many rows (the WhatsApp list limit too). */
export const MAX_LIST_ROWS = 10

/**
 * Numbered lines for at most `max` items, then "…i još N". Built within the limit rather than
 * cut afterwards, so a reply never loses its last line mid-word.
 */
export function buildNumberedLines(
  lines: readonly string[],
  total = lines.length,
  max = MAX_LIST_ROWS,
): string {
  const shown = lines.slice(0, max)
  const out = shown.map((line, index) => `${index + 1}. ${line}`)
  const rest = total - shown.length
  if (rest > 0) out.push(`…i još ${rest}`)
  return out.join('\n')
}
