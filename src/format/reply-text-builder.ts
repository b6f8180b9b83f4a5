import { shortenText } from './shorten-text.ts'
import { MAX_LIST_ITEMS, WHATSAPP_LIMITS } from './whatsapp-limits.ts'

/**
 * Builds a reply text that never exceeds the limit: every addition is checked before it is
 * made, and lists stop early with "…i još N" rather than being cut afterwards.
 */

export interface AddListOptions {
  /** Items to show at most (default 10). */
  max?: number
  /** "1. …" numbering (default) or "• …" bullets. */
  numbered?: boolean
  /** The real number of items when `items` is only the first page (e.g. 57 bookings, 10 fetched). */
  total?: number
}

export class ReplyTextBuilder {
  readonly limit: number
  private readonly parts: string[] = []
  private length = 0
  private omitted = 0

  constructor(limit: number = WHATSAPP_LIMITS.text) {
    this.limit = limit
  }

  /** Characters still available. */
  get remaining(): number {
    return this.limit - this.length
  }

  /** How many list items were left out so far because of `max` or the length limit. */
  get omittedItems(): number {
    return this.omitted
  }

  get isEmpty(): boolean {
    return this.parts.length === 0
  }

  /** Adds a line if it fits whole; returns false (and adds nothing) otherwise. */
  addLine(line: string): boolean {
    return this.append(line, '\n')
  }

  /** Adds text after a blank line if it fits whole; returns false otherwise. */
  addParagraph(text: string): boolean {
    return this.append(text, '\n\n')
  }

  /** Adds a line shortened with "…" to whatever room is left; false if not even that fits. */
  addShortenedLine(line: string, minimumLength = 10): boolean {
    const room = this.remaining - (this.parts.length > 0 ? 1 : 0)
    if (room < Math.min(minimumLength, line.length)) return false
    return this.addLine(shortenText(line, room))
  }

  /**
   * Adds up to `max` items, one per line, as many as fit, and then "…i još N" for the rest
   * (space for that line is reserved before each item). Returns how many items were added.
   */
  addList<T>(
    items: readonly T[],
    render: (item: T, index: number) => string,
    options: AddListOptions = {},
  ): number {
    const total = Math.max(options.total ?? items.length, items.length)
    const shown = Math.min(items.length, options.max ?? MAX_LIST_ITEMS)
    const numbered = options.numbered ?? true
    let added = 0
    for (; added < shown; added++) {
      const line = `${numbered ? `${added + 1}.` : '•'} ${render(items[added], added)}`
      const hiddenAfter = total - added - 1
      const reserve = hiddenAfter > 0 ? 1 + moreLine(hiddenAfter).length : 0
      if (this.cost(line, '\n') + reserve > this.remaining) break
      this.append(line, '\n')
    }
    const hidden = total - added
    if (hidden > 0) {
      this.omitted += hidden
      this.append(moreLine(hidden), '\n')
    }
    return added
  }

  build(): string {
    return this.parts.join('')
  }

  private cost(text: string, separator: string): number {
    return (this.parts.length > 0 ? separator.length : 0) + text.length
  }

  private append(text: string, separator: string): boolean {
    const cost = this.cost(text, separator)
    if (cost > this.remaining) return false
    if (this.parts.length > 0) this.parts.push(separator)
    this.parts.push(text)
    this.length += cost
    return true
  }
}

/** "…i još 5" */
export function moreLine(hidden: number): string {
  return `…i još ${hidden}`
}
