import { describe, expect, it } from 'vitest'
import { splitWhatsAppText } from '../../../src/channels/infobip/index.ts'

describe('splitWhatsAppText', () => {
  it('returns short text unchanged as one part', () => {
    expect(splitWhatsAppText('Bok!', 10)).toEqual(['Bok!'])
    expect(splitWhatsAppText('x'.repeat(4096))).toHaveLength(1)
  })

  it('splits at 4096 by default and every part fits', () => {
    const text = Array.from({ length: 900 }, (_, index) => `riječ${index}`).join(' ')
    const parts = splitWhatsAppText(text)
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096)
    expect(parts.join(' ')).toBe(text)
  })

  it('prefers a paragraph break over a later line break', () => {
    const text = 'prvi odlomak\n\ndrugi red\ntreći red'
    expect(splitWhatsAppText(text, 25)).toEqual(['prvi odlomak', 'drugi red\ntreći red'])
  })

  it('falls back to a line break when no paragraph break fits', () => {
    const text = 'jedan red\ndrugi red\ntreći'
    expect(splitWhatsAppText(text, 20)).toEqual(['jedan red\ndrugi red', 'treći'])
  })

  it('falls back to a word boundary when a line is too long', () => {
    expect(splitWhatsAppText('aaaa bbbb cccc dddd', 10)).toEqual(['aaaa bbbb', 'cccc dddd'])
  })

  it('cuts hard inside a word only when it must, never inside an emoji', () => {
    expect(splitWhatsAppText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij'])
    const emoji = 'ab🚗cd'
    const parts = splitWhatsAppText(emoji, 3)
    expect(parts).toEqual(['ab', '🚗c', 'd'])
    expect(parts.join('')).toBe(emoji)
  })

  it('cuts at a separator that starts exactly at the limit', () => {
    expect(splitWhatsAppText('abcd\n\nefgh', 4)).toEqual(['abcd', 'efgh'])
  })

  it('keeps every character of a long paragraphed text, in order', () => {
    const paragraph = (index: number) => `Odlomak ${index}: ${'čćžšđ '.repeat(60).trim()}`
    const text = Array.from({ length: 40 }, (_, index) => paragraph(index)).join('\n\n')
    const parts = splitWhatsAppText(text)
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096)
      expect(part.startsWith('Odlomak')).toBe(true)
    }
    expect(parts.join('\n\n')).toBe(text)
  })
})
