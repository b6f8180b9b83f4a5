import type { ShownItem } from '../../store/conversation-state.ts'
import { choiceTexts } from '../texts/choice-texts.ts'
import type { WhenMention } from './match-when.ts'
import type { SaidValue } from './resolve-choice.ts'

const MAX_ENTRIES = 5
const VEHICLE_KINDS: ReadonlySet<ShownItem['kind']> = new Set(['vehicle', 'free-vehicle'])

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function dayMonth(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.`
}

function whenText(when: WhenMention): string {
  const time = when.startTime ?? (when.endTime ? `do ${when.endTime}` : undefined)
  if (when.date && time) return `${dayMonth(when.date)} u ${time}`
  if (when.date) return dayMonth(when.date)
  return time ?? 'to doba dana'
}

/** One item in a few words: a booking by its day and hour, anything else by its label's first part. */
function shortEntry(item: ShownItem): string {
  if (item.kind === 'booking' && item.from) return `${dayMonth(item.from)} u ${item.from.slice(11, 16)}`
  return item.label.split(', ')[0]!
}

/**
 * A value the user wrote that none of the items has, said plainly ("Za 18.12. nemate
 * rezervaciju."), followed by what the user does have when the items are dated; nothing is
 * offered in its place.
 */
export function describeMissing(
  said: readonly SaidValue[],
  items: readonly ShownItem[],
  options: { listFollows?: boolean } = {},
): string {
  const kind = items[0]?.kind ?? 'option'
  const lines: string[] = []
  const date = said.find((value) => value.kind === 'date')
  const others = said.filter((value) => value.kind !== 'date')
  if (date?.kind === 'date') {
    const named = others.flatMap((value) =>
      value.kind === 'plate' || value.kind === 'name' ? [value.text] : [],
    )
    lines.push(choiceTexts.noneAt(kind, [...named, whenText(date.when)].join(' ')))
  } else {
    for (const value of others) {
      if (value.kind === 'ref') lines.push(choiceTexts.noneWithRef(kind, value.text))
      else if (value.kind === 'plate' || value.kind === 'vin')
        // Among free cars, a car not listed is one that is not free then (or not in the pool).
        lines.push(
          kind === 'free-vehicle'
            ? choiceTexts.notFreeWithPlate(value.text)
            : choiceTexts.noneWithPlate(value.text),
        )
      else if (value.kind === 'name')
        lines.push(
          kind === 'free-vehicle'
            ? choiceTexts.notFreeWithName(capitalised(value.text))
            : VEHICLE_KINDS.has(kind)
              ? choiceTexts.noneWithName(capitalised(value.text))
              : choiceTexts.noneNamed(kind),
        )
      else if (value.kind === 'position') lines.push(choiceTexts.beyondList(value.of))
    }
  }
  // After a day or time that matched nothing, the days the user does have.
  if (!options.listFollows && date && items.some((item) => item.from)) {
    const entries = items.slice(0, MAX_ENTRIES).map(shortEntry)
    if (items.length > MAX_ENTRIES) entries.push('…')
    lines.push(choiceTexts.youHave(entries))
  }
  return lines.join(' ')
}
