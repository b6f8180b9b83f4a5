import type { Reply } from '../ports/messages.ts'
import { expandTemplate, type TemplateContext } from './expand-scenario-template.ts'
import type { ReplyExpectation } from './scenario-schema.ts'

/** WhatsApp's limit for one text message body. */
export const WHATSAPP_TEXT_LIMIT = 4096

/**
 * What the user sees of a turn: every reply's text, its button titles and its list rows. A
 * choice offered as an interactive list names the vehicles in rows, not in the text, and both
 * count as "the reply contains ZG-1234-AB".
 */
export function visibleText(replies: readonly Reply[]): string {
  const parts: string[] = []
  for (const reply of replies) {
    parts.push(reply.text)
    for (const button of reply.buttons ?? []) parts.push(button.title)
    for (const section of reply.list?.sections ?? []) {
      if (section.title) parts.push(section.title)
      for (const row of section.rows)
        parts.push(row.description ? `${row.title} ${row.description}` : row.title)
    }
  }
  return parts.join('\n')
}

// Things no reply may ever show, whatever the turn: programming leftovers and raw upstream data.
const LEAKS: [RegExp, string][] = [
  [/\bundefined\b/, 'the word "undefined"'],
  [/\[object Object\]/, '"[object Object]"'],
  [/\bNaN\b/, '"NaN"'],
  [/^\s*at .+:\d+:\d+\)?$/m, 'a stack trace line'],
  [/[{[]\s*"[A-Za-z]+"\s*:/, 'raw JSON'],
  [/<!DOCTYPE|<html/i, 'HTML'],
  [/\b(TypeError|ReferenceError|SyntaxError|FleetError|ZodError)\b/, 'an error class name'],
]

const NUMBERED_LINE = /^\s*(?:\*?\d{1,2}[.)]\*?|[1-9]\uFE0F?\u20E3)\s+(\S.*)$/gm

/**
 * The options a reply offers, in order. An interactive list row and the numbered line with the
 * same position are one option (rows are short, so the plate may only be in the text); buttons
 * count when there is nothing else. Used for "offers a choice" and `{{shown:N}}`.
 */
export function choiceItems(replies: readonly Reply[]): string[] {
  let best: string[] = []
  for (const reply of replies) {
    const rows = (reply.list?.sections ?? []).flatMap((section) =>
      section.rows.map((row) => [row.title, row.description, row.id].filter(Boolean).join(' ')),
    )
    const numbered = [...reply.text.matchAll(NUMBERED_LINE)].map((match) => match[1]!.trim())
    const merged = Array.from({ length: Math.max(rows.length, numbered.length) }, (_, index) =>
      [numbered[index], rows[index]].filter(Boolean).join(' | '),
    )
    const buttons = (reply.buttons ?? []).map((button) => button.title)
    for (const candidate of [merged, buttons]) if (candidate.length > best.length) best = candidate
  }
  return best
}

/** Failures of one turn's replies against its expectation (empty when it passes). */
export function checkReply(
  replies: readonly Reply[],
  expectation: ReplyExpectation | undefined,
  context: TemplateContext,
): string[] {
  const failures: string[] = []
  if (expectation?.no_reply) {
    if (replies.length > 0)
      failures.push(`expected no reply, got ${JSON.stringify(visibleText(replies).slice(0, 200))}`)
    return failures
  }
  if (replies.length === 0 || replies.every((reply) => reply.text.trim() === '')) {
    failures.push('expected a reply, got none (the user must always get an answer)')
    return failures
  }
  for (const reply of replies) {
    if (reply.text.length > WHATSAPP_TEXT_LIMIT) {
      failures.push(
        `a reply is ${reply.text.length} characters, above the WhatsApp limit of ${WHATSAPP_TEXT_LIMIT}`,
      )
    }
  }
  const shown = visibleText(replies)
  const lower = shown.toLowerCase()
  for (const [pattern, what] of LEAKS) {
    if (pattern.test(shown)) failures.push(`the reply shows ${what}`)
  }
  if (!expectation) return failures

  for (const raw of expectation.contains) {
    const needle = expandTemplate(raw, context)
    if (!lower.includes(needle.toLowerCase())) failures.push(`expected to contain ${JSON.stringify(needle)}`)
  }
  for (const raw of expectation.not_contains) {
    const needle = expandTemplate(raw, context)
    if (lower.includes(needle.toLowerCase()))
      failures.push(`expected not to contain ${JSON.stringify(needle)}`)
  }
  for (const raw of expectation.regex) {
    const pattern = expandTemplate(raw, context, 'regex')
    if (!new RegExp(pattern, 'iu').test(shown)) failures.push(`expected to match /${pattern}/i`)
  }
  for (const raw of expectation.not_regex) {
    const pattern = expandTemplate(raw, context, 'regex')
    const match = new RegExp(pattern, 'iu').exec(shown)
    if (match) failures.push(`expected not to match /${pattern}/i (matched ${JSON.stringify(match[0])})`)
  }
  if (expectation.buttons) {
    const titles = replies.flatMap((reply) => reply.buttons ?? []).map((button) => button.title)
    for (const raw of expectation.buttons) {
      const pattern = new RegExp(expandTemplate(raw, context, 'regex'), 'iu')
      if (!titles.some((title) => pattern.test(title))) {
        failures.push(`expected a button matching /${pattern.source}/i, buttons: ${JSON.stringify(titles)}`)
      }
    }
  }
  if (expectation.offers_choice) {
    const min = typeof expectation.offers_choice === 'object' ? expectation.offers_choice.min : 2
    const offered = choiceItems(replies).length
    if (offered < min)
      failures.push(
        `expected a choice of at least ${min} options (list, buttons or 1./2./...), got ${offered}`,
      )
  }
  return failures
}
