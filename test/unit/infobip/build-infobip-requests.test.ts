import { describe, expect, it } from 'vitest'
import {
  buildInfobipRequests,
  INFOBIP_PATHS,
  NUMBERED_OPTIONS_HINT,
  renderNumberedOptions,
} from '../../../src/channels/infobip/index.ts'
import type { OutboundMessage } from '../../../src/ports/messages.ts'

const base: OutboundMessage = {
  messageId: 'in-1-r0',
  to: '385991234567',
  inReplyTo: 'in-1',
  createdAt: '2026-01-15T10:30:00.000Z',
  text: 'Potvrđujete li rezervaciju?',
}
const build = (overrides: Partial<OutboundMessage>) =>
  buildInfobipRequests({ ...base, ...overrides }, '385000000000', '385991234567')

const rows = (count: number, prefix = 'r') =>
  Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index + 1}`, title: `Vozilo ${index + 1}` }))

describe('buildInfobipRequests', () => {
  it('sends plain text to the text endpoint with our messageId', () => {
    const plan = build({})
    expect(plan).toEqual({
      requests: [
        {
          path: INFOBIP_PATHS.text,
          messageId: 'in-1-r0',
          body: {
            from: '385000000000',
            to: '385991234567',
            messageId: 'in-1-r0',
            content: { text: base.text },
          },
        },
      ],
    })
  })

  it('sends up to three fitting buttons as interactive buttons', () => {
    const plan = build({
      buttons: [
        { id: 'yes', title: 'Da' },
        { id: 'no', title: 'Ne' },
        { id: 'later', title: 'Kasnije' },
      ],
    })
    expect(plan.fallbackReason).toBeUndefined()
    expect(plan.requests[0].path).toBe(INFOBIP_PATHS.buttons)
    expect(plan.requests[0].body.content).toEqual({
      body: { text: base.text },
      action: {
        buttons: [
          { type: 'REPLY', id: 'yes', title: 'Da' },
          { type: 'REPLY', id: 'no', title: 'Ne' },
          { type: 'REPLY', id: 'later', title: 'Kasnije' },
        ],
      },
    })
  })

  it('sends a fitting list as an interactive list', () => {
    const plan = build({
      list: {
        buttonLabel: 'Odaberi vozilo',
        sections: [
          {
            title: 'Slobodna',
            rows: [{ id: 'v1', title: 'Škoda Octavia', description: 'ZG-1234-AB' }, ...rows(9)],
          },
        ],
      },
    })
    expect(plan.fallbackReason).toBeUndefined()
    expect(plan.requests[0].path).toBe(INFOBIP_PATHS.list)
    const content = plan.requests[0].body.content as {
      action: { title: string; sections: { rows: unknown[] }[] }
    }
    expect(content.action.title).toBe('Odaberi vozilo')
    expect(content.action.sections[0].rows[0]).toEqual({
      id: 'v1',
      title: 'Škoda Octavia',
      description: 'ZG-1234-AB',
    })
    expect(content.action.sections[0].rows).toHaveLength(10)
  })

  it('omits an empty section title of a single-section list', () => {
    const plan = build({ list: { buttonLabel: 'Odaberi', sections: [{ title: '', rows: rows(2) }] } })
    const content = plan.requests[0].body.content as { action: { sections: Record<string, unknown>[] } }
    expect(content.action.sections[0]).not.toHaveProperty('title')
  })

  it.each([
    ['four buttons', { buttons: rows(4, 'b') }, 'too many buttons'],
    [
      'a button title over 20',
      { buttons: [{ id: 'x', title: 'a'.repeat(21) }] },
      'button title does not fit',
    ],
    [
      'repeated button ids',
      {
        buttons: [
          { id: 'x', title: 'A' },
          { id: 'x', title: 'B' },
        ],
      },
      'button id invalid or repeated',
    ],
    ['a body over 1024', { text: 'a'.repeat(1025), buttons: rows(2) }, 'interactive body too long'],
    ['an empty body', { text: '  ', buttons: rows(2) }, 'interactive body is empty'],
    [
      '11 rows over two sections',
      {
        list: {
          buttonLabel: 'Odaberi',
          sections: [
            { title: 'A', rows: rows(6, 'a') },
            { title: 'B', rows: rows(5, 'b') },
          ],
        },
      },
      'too many list rows',
    ],
    [
      'a row title over 24',
      {
        list: {
          buttonLabel: 'Odaberi',
          sections: [{ title: 'A', rows: [{ id: 'r', title: 'a'.repeat(25) }] }],
        },
      },
      'list row title does not fit',
    ],
    [
      'a description over 72',
      {
        list: {
          buttonLabel: 'Odaberi',
          sections: [{ title: 'A', rows: [{ id: 'r', title: 'R', description: 'd'.repeat(73) }] }],
        },
      },
      'list row description does not fit',
    ],
    [
      'a button label over 20',
      { list: { buttonLabel: 'a'.repeat(21), sections: [{ title: 'A', rows: rows(2) }] } },
      'list button label does not fit',
    ],
  ] as [string, Partial<OutboundMessage>, string][])(
    'falls back to numbered text for %s',
    (_name, overrides, reason) => {
      const plan = build(overrides)
      expect(plan.fallbackReason).toBe(reason)
      expect(plan.requests).toHaveLength(1)
      expect(plan.requests[0].path).toBe(INFOBIP_PATHS.text)
      const text = (plan.requests[0].body.content as { text: string }).text
      expect(text).toMatch(/^1\. /m)
      expect(text).toContain(NUMBERED_OPTIONS_HINT)
    },
  )

  it('accepts limits exactly at the edge', () => {
    const plan = build({
      text: 'a'.repeat(1024),
      buttons: [
        { id: 'x', title: 'b'.repeat(20) },
        { id: 'y', title: 'Ne' },
        { id: 'z', title: 'Možda' },
      ],
    })
    expect(plan.fallbackReason).toBeUndefined()
    expect(plan.requests[0].path).toBe(INFOBIP_PATHS.buttons)
  })

  it('splits long text into parts with derived ids', () => {
    const text = `${'a'.repeat(4000)}\n\n${'b'.repeat(4000)}\n\n${'c'.repeat(10)}`
    const plan = build({ text })
    expect(plan.requests.map((request) => request.messageId)).toEqual(['in-1-r0-p1', 'in-1-r0-p2'])
    expect(plan.requests.map((request) => request.body.messageId)).toEqual(['in-1-r0-p1', 'in-1-r0-p2'])
    expect((plan.requests[1].body.content as { text: string }).text).toBe(
      `${'b'.repeat(4000)}\n\n${'c'.repeat(10)}`,
    )
  })
})

describe('renderNumberedOptions', () => {
  it('numbers buttons in order under the text', () => {
    expect(
      renderNumberedOptions({
        text: 'Odaberite:',
        buttons: [
          { id: 'a', title: 'Prvo' },
          { id: 'b', title: 'Drugo' },
        ],
      }),
    ).toBe(`Odaberite:\n\n1. Prvo\n2. Drugo\n\n${NUMBERED_OPTIONS_HINT}`)
  })

  it('numbers list rows across sections, with section titles and descriptions', () => {
    const text = renderNumberedOptions({
      text: 'Vozila:',
      list: {
        buttonLabel: 'Odaberi',
        sections: [
          { title: 'Osobna', rows: [{ id: 'a', title: 'Octavia', description: 'ZG-1' }] },
          { title: 'Dostavna', rows: [{ id: 'b', title: 'Kangoo' }] },
        ],
      },
    })
    expect(text).toBe(
      `Vozila:\n\n*Osobna*\n1. Octavia – ZG-1\n*Dostavna*\n2. Kangoo\n\n${NUMBERED_OPTIONS_HINT}`,
    )
  })

  it('returns the text alone when there are no options', () => {
    expect(renderNumberedOptions({ text: 'Bok' })).toBe('Bok')
  })
})
