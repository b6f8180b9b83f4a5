import { describe, expect, it } from 'vitest'
import { detectIntent } from '../../../src/dialogue/detect-intent.ts'
import { CompiledLexicon } from '../../../src/search/compiled-lexicon.ts'
import { CROATIAN_LEXICON, STOPWORDS } from '../../../src/search/lexicon/hr.ts'
import { understandQuery } from '../../../src/search/understand-query.ts'

const lexicon = new CompiledLexicon(CROATIAN_LEXICON, STOPWORDS)
const read = (text: string) => understandQuery(text, lexicon, { has: () => false })
const intent = (text: string) => {
  const found = detectIntent(read(text))
  return found?.kind === 'read' ? found.read : found?.write
}

describe('detectIntent', () => {
  it.each([
    ['koliko imam km', 'mileage'],
    ['stanje kilometraže', 'mileage'],
    ['koja mi je registracija', 'plate'],
    ['tablice', 'plate'],
    ['kada istječe registracija', 'due-dates'],
    ['kad je servis', 'due-dates'],
    ['koja je lizing kuca', 'leasing'],
    ['do kada traje ugovor', 'leasing'],
    ['mjesečna rata', 'leasing'],
    ['podaci o vozilu', 'vehicle-summary'],
    ['moje rezervacije', 'my-bookings'],
    ['moji slucajevi', 'my-cases'],
    ['moja putovanja', 'my-trips'],
    ['troskovi', 'my-expenses'],
    ['slobodna vozila sutra od 8 do 16', 'free-vehicles'],
    ['trebam auto sutra od 8 do 16', 'booking'],
    ['rezerviraj mi vozilo u petak', 'booking'],
    ['unesi 45000 km', 'mileage'],
    ['kilometraza 45.000', 'mileage'],
    ['imam kvar na autu', 'case'],
    ['prijavi štetu', 'case'],
    ['otkaži rezervaciju', 'cancel-booking'],
    ['obriši slučaj', 'delete-case'],
    ['izbriši putovanje', 'delete-trip'],
    // The old keyword router started a damage report or a booking for these.
    ['moje prijavljene štete', 'my-cases'],
    ['jesam li vec prijavio stetu', 'my-cases'],
    ['jesam li rezervirao auto za sutra', 'my-bookings'],
    ['koji auto imam rezerviran u petak', 'my-bookings'],
    ['rezervacija vozila za sutra', 'booking'],
    ['odustajem od rezervacije za vikend', 'cancel-booking'],
    ['ipak necu auto, otkazi', 'cancel-booking'],
    ['obriši slučaj Nedostaje prva pomoć', 'delete-case'],
    ['kocnice skripe i nesto lupa', 'case'],
    ['guma mi je prazna', 'case'],
    ['koliko km ima ZG-1234-AB', 'mileage'],
    ['trenutno stanje 204500km', 'mileage'],
    ['kad mi je sljedeći servis', 'due-dates'],
    ['obrisi mi zadnju turu iz logbooka', 'delete-trip'],
    ['koliko je kostalo tankanje zadnji put', 'my-expenses'],
  ])('%s -> %s', (text, expected) => {
    expect(intent(text)).toBe(expected)
  })

  it('leaves vehicle lists, documents and the profile to their tools', () => {
    for (const text of ['koliko vozila imamo', 'dokumenti za ST-555-AA', 'koja je moja uloga u sustavu'])
      expect(detectIntent(read(text))).toBeUndefined()
  })

  it('leaves everything else to tool retrieval', () => {
    expect(detectIntent(read('tko je voditelj organizacijske jedinice'))).toBeUndefined()
  })
})
