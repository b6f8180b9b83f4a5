import { asNormalized, type NormalizedText } from './normalize-text.ts'

/**
 * "moje vozilo", "moj auto", "mog službenog auta", "svoje vozilo", "my car": the user means their
 * own vehicle (the engine asks which one if they have several). One word may stand between
 * the possessive and the noun.
 */
const POSSESSIVES = new Set([
  'moj',
  'moje',
  'moja',
  'mog',
  'moga',
  'mojeg',
  'mojega',
  'mom',
  'mome',
  'mojem',
  'mojim',
  'moju',
  'svoj',
  'svoje',
  'svoja',
  'svog',
  'svoga',
  'svojeg',
  'svom',
  'svome',
  'svojem',
  'svojim',
  'svoju',
  'my',
])
const VEHICLE_NOUNS = new Set([
  'auto',
  'auta',
  'autu',
  'autom',
  'automobil',
  'automobila',
  'automobilu',
  'automobilom',
  'vozilo',
  'vozila',
  'vozilu',
  'vozilom',
  'kola',
  'kolima',
  'kombi',
  'kombija',
  'kombiju',
  'car',
  'vehicle',
  'van',
  'autic',
  'autica',
])

export function detectPossessiveVehicle(input: string | NormalizedText): boolean {
  const tokens = asNormalized(input).tokens
  for (let index = 0; index < tokens.length; index++) {
    if (!POSSESSIVES.has(tokens[index])) continue
    if (VEHICLE_NOUNS.has(tokens[index + 1]) || VEHICLE_NOUNS.has(tokens[index + 2])) return true
  }
  return false
}
