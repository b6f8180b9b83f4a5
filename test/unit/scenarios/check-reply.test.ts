import { describe, expect, it } from 'vitest'
import type { Reply } from '../../../src/ports/messages.ts'
import { createSandboxDataset } from '../../../src/sandbox/mobilityone/create-sandbox-dataset.ts'
import { checkReply, choiceItems, visibleText } from '../../../src/scenarios/check-reply.ts'
import type { TemplateContext } from '../../../src/scenarios/expand-scenario-template.ts'
import { replyExpectationSchema } from '../../../src/scenarios/scenario-schema.ts'

const context: TemplateContext = {
  dataset: createSandboxDataset({ baseDate: '2026-03-09' }),
  today: '2026-03-09',
}
const expectation = (value: unknown) => replyExpectationSchema.parse(value)
const text = (value: string): Reply[] => [{ text: value }]

describe('checkReply', () => {
  it('passes contains / regex / not_* case-insensitively', () => {
    const replies = text('Vaša *Škoda Octavia* (ZG-5521-KL) ima 45.231 km.')
    expect(
      checkReply(
        replies,
        expectation({ contains: ['zg-5521-kl'], regex: ['45\\.231 KM'], not_contains: ['112.480'] }),
        context,
      ),
    ).toEqual([])
    expect(checkReply(replies, expectation({ not_regex: ['octavia'] }), context)).toHaveLength(1)
    expect(checkReply(replies, expectation({ contains: ['Passat'] }), context)[0]).toMatch(
      /expected to contain "Passat"/,
    )
  })

  it('expands templates, escaping them inside regexes', () => {
    const replies = text('Registracija istječe 10.03.2026.')
    expect(
      checkReply(
        replies,
        expectation({ contains: ['{{date:+1}}'], regex: ['istječe {{date:+1}}$'] }),
        context,
      ),
    ).toEqual([])
    expect(
      checkReply(text('Registracija 10x03x2026x'), expectation({ regex: ['{{date:+1}}'] }), context),
    ).toHaveLength(1)
  })

  it('fails when there is no reply, unless no_reply is expected', () => {
    expect(checkReply([], undefined, context)[0]).toMatch(/expected a reply/)
    expect(checkReply([], expectation({ no_reply: true }), context)).toEqual([])
    expect(checkReply(text('x'), expectation({ no_reply: true }), context)[0]).toMatch(/expected no reply/)
  })

  it('always flags leaks: raw JSON, stack traces, undefined, HTML', () => {
    expect(checkReply(text('{"Data": []}'), undefined, context)).toContain('the reply shows raw JSON')
    expect(checkReply(text('Greška\n    at run (/app/x.ts:1:2)'), undefined, context)).toContain(
      'the reply shows a stack trace line',
    )
    expect(checkReply(text('Vozilo: undefined'), undefined, context)).toContain(
      'the reply shows the word "undefined"',
    )
    expect(checkReply(text('<!DOCTYPE html>'), undefined, context)).toContain('the reply shows HTML')
  })

  it('flags a reply above the WhatsApp limit', () => {
    expect(checkReply(text('a'.repeat(5000)), undefined, context)[0]).toMatch(/above the WhatsApp limit/)
  })

  it('matches buttons by title regex', () => {
    const replies: Reply[] = [
      {
        text: 'Potvrđujete?',
        buttons: [
          { id: 'y', title: 'Da' },
          { id: 'n', title: 'Ne' },
        ],
      },
    ]
    expect(checkReply(replies, expectation({ buttons: ['^da$', '^ne'] }), context)).toEqual([])
    expect(checkReply(replies, expectation({ buttons: ['odustani'] }), context)).toHaveLength(1)
  })

  it('counts a choice in lists, numbered lines or buttons', () => {
    expect(checkReply(text('1. Passat\n2. Corolla'), expectation({ offers_choice: true }), context)).toEqual(
      [],
    )
    expect(checkReply(text('Koje vozilo?'), expectation({ offers_choice: { min: 2 } }), context)[0]).toMatch(
      /got 0/,
    )
  })
})

describe('visibleText and choiceItems', () => {
  const list: Reply = {
    text: 'Slobodna vozila:\n1. Škoda Fabia (ZD-1215-E)\n2. Ford Focus (ZD-4117-II)',
    list: {
      buttonLabel: 'Odaberi',
      sections: [
        {
          title: 'Vozila',
          rows: [
            { id: 'v1', title: 'Škoda Fabia', description: '36.097 km' },
            { id: 'v2', title: 'Ford Focus', description: '95.777 km' },
          ],
        },
      ],
    },
  }

  it('shows list rows and button titles as part of the reply', () => {
    expect(visibleText([list])).toContain('Ford Focus 95.777 km')
  })

  it('merges a row with the numbered line at the same position', () => {
    expect(choiceItems([list])).toEqual([
      'Škoda Fabia (ZD-1215-E) | Škoda Fabia 36.097 km v1',
      'Ford Focus (ZD-4117-II) | Ford Focus 95.777 km v2',
    ])
  })
})
