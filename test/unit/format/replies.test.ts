import { describe, expect, it } from 'vitest'
import { formatNumberedList } from '../../../src/format/format-list.ts'
import { buildButtonReply, buildListReply, type ChoiceOption } from '../../../src/format/interactive-reply.ts'
import { ReplyTextBuilder } from '../../../src/format/reply-text-builder.ts'
import { splitMessage } from '../../../src/format/split-message.ts'

const names = (count: number) => Array.from({ length: count }, (_, index) => `Vozilo ${index + 1}`)
const options = (count: number, title = (index: number) => `Vozilo ${index + 1}`): ChoiceOption[] =>
  Array.from({ length: count }, (_, index) => ({ id: `v${index + 1}`, title: title(index) }))

describe('formatNumberedList', () => {
  it('numbers up to ten items and tells how many more there are', () => {
    const text = formatNumberedList(names(13), (name) => name)
    const lines = text.split('\n')
    expect(lines).toHaveLength(11)
    expect(lines[0]).toBe('1. Vozilo 1')
    expect(lines[9]).toBe('10. Vozilo 10')
    expect(lines[10]).toBe('…i još 3')
  })

  it('shows short lists whole and counts a known total beyond the fetched page', () => {
    expect(formatNumberedList(names(2), (name) => name)).toBe('1. Vozilo 1\n2. Vozilo 2')
    expect(formatNumberedList(names(3), (name) => name, { total: 57 })).toBe(
      '1. Vozilo 1\n2. Vozilo 2\n3. Vozilo 3\n…i još 54',
    )
  })
})

describe('ReplyTextBuilder', () => {
  it('refuses a line that does not fit and keeps the text within the limit', () => {
    const builder = new ReplyTextBuilder(20)
    expect(builder.addLine('12345678901234567890')).toBe(true)
    expect(builder.addLine('x')).toBe(false)
    expect(builder.build()).toBe('12345678901234567890')
  })

  it('stops a list early with room reserved for "…i još N"', () => {
    const builder = new ReplyTextBuilder(60)
    builder.addLine('Vaše rezervacije:')
    const added = builder.addList(names(10), (name) => name)
    const text = builder.build()
    expect(text.length).toBeLessThanOrEqual(60)
    expect(added).toBeLessThan(10)
    expect(text.endsWith(`…i još ${10 - added}`)).toBe(true)
    expect(builder.omittedItems).toBe(10 - added)
  })

  it('never exceeds 4096 characters with long items', () => {
    const builder = new ReplyTextBuilder()
    builder.addParagraph('Troškovi')
    const long = Array.from({ length: 30 }, (_, index) => `${index} ${'x'.repeat(700)}`)
    const added = builder.addList(long, (item) => item, { max: 30 })
    const text = builder.build()
    expect(text.length).toBeLessThanOrEqual(4096)
    expect(added).toBe(5)
    expect(text.endsWith('…i još 25')).toBe(true)
  })

  it('shortens a long line into the space left', () => {
    const builder = new ReplyTextBuilder(30)
    builder.addLine('Opis:')
    expect(builder.addShortenedLine('ogrebotina na prednjim lijevim vratima vozila')).toBe(true)
    expect(builder.build().length).toBeLessThanOrEqual(30)
    expect(builder.build()).toMatch(/…$/)
  })

  it('separates paragraphs with a blank line', () => {
    const builder = new ReplyTextBuilder()
    builder.addLine('*Passat*')
    builder.addParagraph('Kilometraža: 45.231 km')
    expect(builder.build()).toBe('*Passat*\n\nKilometraža: 45.231 km')
  })
})

describe('buttons', () => {
  it('builds up to three buttons', () => {
    const reply = buildButtonReply('Što želite?', options(3))
    expect(reply.buttons).toEqual([
      { id: 'v1', title: 'Vozilo 1' },
      { id: 'v2', title: 'Vozilo 2' },
      { id: 'v3', title: 'Vozilo 3' },
    ])
    expect(reply.text).toBe('Što želite?')
  })

  it('falls back to numbered text for four options, a long title or a non-interactive channel', () => {
    for (const reply of [
      buildButtonReply('Odaberite:', options(4)),
      buildButtonReply(
        'Odaberite:',
        options(2, (index) => (index === 0 ? 'Volkswagen Passat Variant' : 'Golf')),
      ),
      buildButtonReply('Odaberite:', options(2), { interactive: false }),
      buildButtonReply('x'.repeat(1025), options(2)),
    ]) {
      expect(reply.buttons).toBeUndefined()
      expect(reply.list).toBeUndefined()
      expect(reply.text).toMatch(/\n1\. \*[^*]+\*/)
      expect(reply.text).toMatch(/Odgovorite brojem/)
      expect(reply.text.length).toBeLessThanOrEqual(4096)
    }
  })
})

describe('lists', () => {
  it('builds an interactive list of up to ten rows', () => {
    const rows = options(10).map((option) => ({ ...option, description: 'ZG-1234-AB, 45.231 km' }))
    const reply = buildListReply('Slobodna vozila sutra:', rows)
    expect(reply.list?.buttonLabel).toBe('Odaberi')
    expect(reply.list?.sections).toHaveLength(1)
    expect(reply.list?.sections[0].rows).toHaveLength(10)
    expect(reply.list?.sections[0].rows[0]).toEqual({
      id: 'v1',
      title: 'Vozilo 1',
      description: 'ZG-1234-AB, 45.231 km',
    })
  })

  it('shortens long descriptions to 72 characters', () => {
    const reply = buildListReply('Odaberite:', [
      { id: 'a', title: 'Passat', description: 'd'.repeat(30) + ' ' + 'e'.repeat(60) },
    ])
    const description = reply.list?.sections[0].rows[0].description ?? ''
    expect(description.length).toBeLessThanOrEqual(72)
    expect(description.endsWith('…')).toBe(true)
  })

  it.each([
    ['eleven rows', options(11), {}],
    ['a 25-character title', options(1, () => 'Volkswagen Passat Variant'), {}],
    ['a long button label', options(2), { buttonLabel: 'Odaberite jedno vozilo' }],
    ['a long section title', options(2), { sectionTitle: 'Slobodna vozila za sutra ujutro' }],
    [
      'duplicate ids',
      [
        { id: 'a', title: 'A' },
        { id: 'a', title: 'B' },
      ],
      {},
    ],
    ['no interactive support', options(2), { interactive: false }],
  ])('falls back to numbered text for %s', (_, choices, settings) => {
    const reply = buildListReply('Slobodna vozila:', choices, settings)
    expect(reply.list).toBeUndefined()
    expect(reply.text.startsWith('Slobodna vozila:\n\n1. *')).toBe(true)
    expect(reply.text.length).toBeLessThanOrEqual(4096)
  })

  it('shows at most ten options in the text fallback', () => {
    const reply = buildListReply('Slobodna vozila:', options(14))
    expect(reply.text).toContain('10. *Vozilo 10*')
    expect(reply.text).not.toContain('11. ')
    expect(reply.text).toContain('…i još 4')
  })
})

describe('splitMessage', () => {
  it('returns short text as one part', () => {
    expect(splitMessage('Bok')).toEqual(['Bok'])
  })

  it('splits at paragraph boundaries first', () => {
    const paragraphs = Array.from({ length: 6 }, (_, index) => `${index}`.repeat(30))
    const parts = splitMessage(paragraphs.join('\n\n'), 70)
    expect(parts).toEqual([
      `${paragraphs[0]}\n\n${paragraphs[1]}`,
      `${paragraphs[2]}\n\n${paragraphs[3]}`,
      `${paragraphs[4]}\n\n${paragraphs[5]}`,
    ])
  })

  it('prefers a paragraph break to a later line break', () => {
    expect(splitMessage('aaaa\n\nbbbb\ncccc', 12)).toEqual(['aaaa', 'bbbb\ncccc'])
  })

  it('falls back to lines, then spaces, then a hard cut', () => {
    expect(splitMessage('aaaa\nbbbb\ncccc', 9)).toEqual(['aaaa\nbbbb', 'cccc'])
    expect(splitMessage('aaaa bbbb cccc', 9)).toEqual(['aaaa bbbb', 'cccc'])
    expect(splitMessage('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij'])
  })

  it('keeps every part within 4096 characters and loses no words', () => {
    const text = Array.from({ length: 400 }, (_, index) => `Red ${index}: ${'riječ '.repeat(5)}`).join('\n')
    const parts = splitMessage(text)
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096)
    expect(parts.join('\n').replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim())
  })

  it('does not cut an emoji in half', () => {
    const parts = splitMessage('abc😀def', 4)
    expect(parts.join('')).toBe('abc😀def')
    for (const part of parts) expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/)
  })
})
