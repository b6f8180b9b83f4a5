import { type AddListOptions, ReplyTextBuilder } from './reply-text-builder.ts'

/**
 * A numbered list of at most 10 items with "…i još N" for the rest, within `limit`
 * characters ("1. Passat\n2. Golf\n…i još 3").
 */
export function formatNumberedList<T>(
  items: readonly T[],
  render: (item: T, index: number) => string,
  options: AddListOptions & { limit?: number } = {},
): string {
  const builder = new ReplyTextBuilder(options.limit)
  builder.addList(items, render, options)
  return builder.build()
}
