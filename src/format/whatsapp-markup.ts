import { NOT_AVAILABLE } from './not-available.ts'

/**
 * WhatsApp inline formatting. Markers only render when they hug the text ("*a b*", not
 * "* a b *"), so the text is trimmed; empty text gets no markers.
 */

export function bold(text: string): string {
  const trimmed = text.trim()
  return trimmed.length > 0 ? `*${trimmed}*` : ''
}

export function italic(text: string): string {
  const trimmed = text.trim()
  return trimmed.length > 0 ? `_${trimmed}_` : ''
}

/** "*Label:* value", with "nije dostupno" for a missing or empty value. */
export function formatField(label: string, value: string | undefined): string {
  const shown = value === undefined || value.trim().length === 0 ? NOT_AVAILABLE : value
  return `*${label.trim()}:* ${shown}`
}
