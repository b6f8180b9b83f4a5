/**
 * Shortens text to at most `maxLength` characters, cutting at a word boundary when one is
 * reasonably close and ending with "…". Text that fits is returned unchanged.
 */
export function shortenText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  if (maxLength <= 1) return text.slice(0, Math.max(0, maxLength))
  const room = maxLength - 1
  let cut = text.lastIndexOf(' ', room)
  if (cut < room * 0.6) cut = room
  // Never split a surrogate pair (an emoji) in half.
  const code = text.charCodeAt(cut - 1)
  if (code >= 0xd800 && code <= 0xdbff) cut--
  return `${text.slice(0, cut).trimEnd()}…`
}
