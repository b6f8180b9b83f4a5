/**
 * Croatian words for the English words API identifiers are made of (`VehicleTypeName` is
 * vehicle + type + name), with the forms a label or a title needs. Written by hand from the
 * identifiers of the MobilityOne specs; `compose-label.ts` builds labels from them and a field
 * made of a word missing here is not shown at all (never in English).
 */

export type Gender = 'm' | 'f' | 'n'

export interface Noun {
  kind: 'noun'
  /** Singular nominative and genitive, plural nominative and genitive. */
  one: string
  oneOf: string
  many: string
  manyOf: string
  gender: Gender
}

export interface Adjective {
  kind: 'adjective'
  /** Nominative singular by gender, genitive singular by gender, nominative plural by gender, genitive plural. */
  one: Readonly<Record<Gender, string>>
  oneOf: Readonly<Record<Gender, string>>
  many: Readonly<Record<Gender, string>>
  manyOf: string
}

/** "ValidFrom" -> "… od": a word that relates the label to a bound, written after it. */
export interface Relation {
  kind: 'relation'
  text: string
}

/** Words that make a field technical (ids, keys, hashes, JSON, flags of the API's own). */
export interface Technical {
  kind: 'technical'
}

/** Words with no meaning of their own in a label ("of", "for"). */
export interface Filler {
  kind: 'filler'
}

export type CroatianWord = Noun | Adjective | Relation | Technical | Filler

const SOFT_STEM = /(?:j|č|ć|š|ž|đ|lj|nj|dž)$/

/**
 * An adjective from its masculine definite form ("zadnji", "periodični", "opći"): the other
 * forms follow the regular pattern (soft stems take -e/-eg, the others -o/-og). Indeclinable
 * words ("neto") are written as such.
 */
function adjective(masculine: string): Adjective {
  if (!masculine.endsWith('i')) {
    const same = { m: masculine, f: masculine, n: masculine }
    return { kind: 'adjective', one: same, oneOf: same, many: same, manyOf: masculine }
  }
  const stem = masculine.slice(0, -1)
  const soft = SOFT_STEM.test(stem)
  return {
    kind: 'adjective',
    one: { m: masculine, f: `${stem}a`, n: `${stem}${soft ? 'e' : 'o'}` },
    oneOf: { m: `${stem}${soft ? 'eg' : 'og'}`, f: `${stem}e`, n: `${stem}${soft ? 'eg' : 'og'}` },
    many: { m: `${stem}i`, f: `${stem}e`, n: `${stem}a` },
    manyOf: `${stem}ih`,
  }
}

/** "vozilo vozila vozila vozila" (singular nominative, genitive; plural nominative, genitive). */
function noun(forms: string, gender: Gender): Noun {
  const [one, oneOf, many, manyOf] = forms.split(' ')
  return { kind: 'noun', one: one!, oneOf: oneOf!, many: many!, manyOf: manyOf!, gender }
}

const TECHNICAL: Technical = { kind: 'technical' }
const FILLER: Filler = { kind: 'filler' }

const NOUNS: Readonly<Record<string, Noun>> = {
  accrual: noun('razgraničenje razgraničenja razgraničenja razgraničenja', 'n'),
  acquiring: noun('nabava nabave nabave nabave', 'f'),
  acquiry: noun('nabava nabave nabave nabave', 'f'),
  activity: noun('aktivnost aktivnosti aktivnosti aktivnosti', 'f'),
  address: noun('adresa adrese adrese adresa', 'f'),
  amount: noun('iznos iznosa iznosi iznosa', 'm'),
  asset: noun('imovina imovine imovine imovina', 'f'),
  assignee: noun('korisnik korisnika korisnici korisnika', 'm'),
  assignment: noun('dodjela dodjele dodjele dodjela', 'f'),
  availability: noun('dostupnost dostupnosti dostupnosti dostupnosti', 'f'),
  availabity: noun('dostupnost dostupnosti dostupnosti dostupnosti', 'f'),
  average: noun('prosjek prosjeka prosjeci prosjeka', 'm'),
  board: noun('pregled pregleda pregledi pregleda', 'm'),
  brand: noun('marka marke marke marki', 'f'),
  calendar: noun('kalendar kalendara kalendari kalendara', 'm'),
  case: noun('slučaj slučaja slučajevi slučajeva', 'm'),
  category: noun('kategorija kategorije kategorije kategorija', 'f'),
  certificate: noun('certifikat certifikata certifikati certifikata', 'm'),
  change: noun('promjena promjene promjene promjena', 'f'),
  city: noun('grad grada gradovi gradova', 'm'),
  co2: noun('CO₂ CO₂ CO₂ CO₂', 'm'),
  code: noun('šifra šifre šifre šifri', 'f'),
  comment: noun('komentar komentara komentari komentara', 'm'),
  company: noun('tvrtka tvrtke tvrtke tvrtki', 'f'),
  condition: noun('uvjet uvjeta uvjeti uvjeta', 'm'),
  consumption: noun('potrošnja potrošnje potrošnje potrošnji', 'f'),
  contact: noun('kontakt kontakta kontakti kontakata', 'm'),
  contract: noun('ugovor ugovora ugovori ugovora', 'm'),
  count: noun('broj broja brojevi brojeva', 'm'),
  currency: noun('valuta valute valute valuta', 'f'),
  date: noun('datum datuma datumi datuma', 'm'),
  day: noun('dan dana dani dana', 'm'),
  description: noun('opis opisa opisi opisa', 'm'),
  distance: noun('udaljenost udaljenosti udaljenosti udaljenosti', 'f'),
  driver: noun('vozač vozača vozači vozača', 'm'),
  due: noun('rok roka rokovi rokova', 'm'),
  duration: noun('trajanje trajanja trajanja trajanja', 'n'),
  email: noun('e-pošta e-pošte e-pošte e-pošta', 'f'),
  end: noun('kraj kraja krajevi krajeva', 'm'),
  entry: noun('unos unosa unosi unosa', 'm'),
  equipment: noun('oprema opreme oprema opreme', 'f'),
  estimate: noun('procjena procjene procjene procjena', 'f'),
  exceed: noun('prekoračenje prekoračenja prekoračenja prekoračenja', 'n'),
  expense: noun('trošak troška troškovi troškova', 'm'),
  expiration: noun('istek isteka isteci isteka', 'm'),
  expiry: noun('istek isteka isteci isteka', 'm'),
  fuel: noun('gorivo goriva goriva goriva', 'n'),
  group: noun('grupa grupe grupe grupa', 'f'),
  identifier: noun('oznaka oznake oznake oznaka', 'f'),
  interval: noun('interval intervala intervali intervala', 'm'),
  invitation: noun('pozivnica pozivnice pozivnice pozivnica', 'f'),
  km: noun('km km km km', 'm'),
  level: noun('razina razine razine razina', 'f'),
  limit: noun('ograničenje ograničenja ograničenja ograničenja', 'n'),
  location: noun('lokacija lokacije lokacije lokacija', 'f'),
  maintenance: noun('održavanje održavanja održavanja održavanja', 'n'),
  make: noun('marka marke marke marki', 'f'),
  manufacturer: noun('proizvođač proizvođača proizvođači proizvođača', 'm'),
  member: noun('član člana članovi članova', 'm'),
  message: noun('poruka poruke poruke poruka', 'f'),
  method: noun('metoda metode metode metoda', 'f'),
  mileage: noun('kilometraža kilometraže kilometraže kilometraže', 'f'),
  minute: noun('minuta minute minute minuta', 'f'),
  mobile: noun('mobitel mobitela mobiteli mobitela', 'm'),
  model: noun('model modela modeli modela', 'm'),
  month: noun('mjesec mjeseca mjeseci mjeseci', 'm'),
  name: noun('naziv naziva nazivi naziva', 'm'),
  note: noun('bilješka bilješke bilješke bilješki', 'f'),
  notification: noun('obavijest obavijesti obavijesti obavijesti', 'f'),
  owner: noun('vlasnik vlasnika vlasnici vlasnika', 'm'),
  partner: noun('partner partnera partneri partnera', 'm'),
  period: noun('razdoblje razdoblja razdoblja razdoblja', 'n'),
  permission: noun('ovlast ovlasti ovlasti ovlasti', 'f'),
  person: noun('osoba osobe osobe osoba', 'f'),
  phone: noun('telefon telefona telefoni telefona', 'm'),
  pool: noun('skupina skupine skupine skupina', 'f'),
  position: noun('pozicija pozicije pozicije pozicija', 'f'),
  price: noun('cijena cijene cijene cijena', 'f'),
  production: noun('proizvodnja proizvodnje proizvodnje proizvodnji', 'f'),
  projection: noun('projekcija projekcije projekcije projekcija', 'f'),
  property: noun('svojstvo svojstva svojstva svojstava', 'n'),
  provider: noun('davatelj davatelja davatelji davatelja', 'm'),
  quantity: noun('količina količine količine količina', 'f'),
  quarter: noun('tromjesečje tromjesečja tromjesečja tromjesečja', 'n'),
  reminder: noun('podsjetnik podsjetnika podsjetnici podsjetnika', 'm'),
  report: noun('izvještaj izvještaja izvještaji izvještaja', 'm'),
  role: noun('uloga uloge uloge uloga', 'f'),
  route: noun('relacija relacije relacije relacija', 'f'),
  severity: noun('prioritet prioriteta prioriteti prioriteta', 'm'),
  source: noun('izvor izvora izvori izvora', 'm'),
  start: noun('početak početka počeci početaka', 'm'),
  state: noun('država države države država', 'f'),
  status: noun('status statusa statusi statusa', 'm'),
  subject: noun('naslov naslova naslovi naslova', 'm'),
  supplier: noun('dobavljač dobavljača dobavljači dobavljača', 'm'),
  tag: noun('oznaka oznake oznake oznaka', 'f'),
  team: noun('tim tima timovi timova', 'm'),
  time: noun('vrijeme vremena vremena vremena', 'n'),
  timezone: noun('vremenska_zona vremenske_zone vremenske_zone vremenskih_zona', 'f'),
  transaction: noun('transakcija transakcije transakcije transakcija', 'f'),
  trip: noun('putovanje putovanja putovanja putovanja', 'n'),
  type: noun('vrsta vrste vrste vrsta', 'f'),
  unit: noun('jedinica jedinice jedinice jedinica', 'f'),
  user: noun('korisnik korisnika korisnici korisnika', 'm'),
  value: noun('vrijednost vrijednosti vrijednosti vrijednosti', 'f'),
  vehicle: noun('vozilo vozila vozila vozila', 'n'),
  vin: noun('VIN VIN-a VIN-ovi VIN-ova', 'm'),
  warning: noun('upozorenje upozorenja upozorenja upozorenja', 'n'),
  year: noun('godina godine godine godina', 'f'),
  zip: noun('poštanski_broj poštanskog_broja poštanski_brojevi poštanskih_brojeva', 'm'),
  zone: noun('zona zone zone zona', 'f'),
}

const ADJECTIVES: Readonly<Record<string, Adjective>> = {
  active: adjective('aktivni'),
  allowed: adjective('dopušteni'),
  assigned: adjective('dodijeljeni'),
  calculated: adjective('izračunati'),
  created: adjective('kreirani'),
  current: adjective('trenutni'),
  daily: adjective('dnevni'),
  default: adjective('zadani'),
  estimated: adjective('procijenjeni'),
  exceeded: adjective('prekoračeni'),
  finished: adjective('završeni'),
  first: adjective('prvi'),
  full: adjective('puni'),
  general: adjective('opći'),
  historical: adjective('povijesni'),
  initial: adjective('početni'),
  last: adjective('zadnji'),
  latest: adjective('najnoviji'),
  left: adjective('preostali'),
  legal: adjective('pravni'),
  linked: adjective('povezani'),
  monthly: adjective('mjesečni'),
  net: adjective('neto'),
  old: adjective('stari'),
  parent: adjective('nadređeni'),
  periodic: adjective('periodični'),
  remaining: adjective('preostali'),
  required: adjective('obavezni'),
  responsible: adjective('odgovorni'),
  sent: adjective('poslani'),
  starting: adjective('početni'),
  unresolved: adjective('neriješeni'),
  valid: adjective('važeći'),
  yearly: adjective('godišnji'),
}

const RELATIONS: Readonly<Record<string, string>> = {
  from: 'od',
  since: 'od',
  to: 'do',
  until: 'do',
}

/** Words that mark an API's own bookkeeping: a field containing one is never shown. */
const TECHNICAL_WORDS = [
  'cal',
  'calc',
  'code2',
  'column',
  'content',
  'custom',
  'data',
  'desc',
  'eq',
  'external',
  'file',
  'hash',
  'id',
  'id2',
  'ids',
  'info',
  'json',
  'key',
  'kpi',
  'link',
  'metadata',
  'norm',
  'num',
  'num1',
  'num2',
  'patch',
  'pl',
  'ref',
  'regional',
  'setting',
  'table',
  'tenant',
  'thumb',
  'token',
  'top',
  'utc',
  'version',
  'view',
]

const FILLERS = ['of', 'for', 'the', 'and', 'a']

const WORDS = new Map<string, CroatianWord>()
for (const [word, entry] of Object.entries(NOUNS)) WORDS.set(word, entry)
for (const [word, entry] of Object.entries(ADJECTIVES)) WORDS.set(word, entry)
for (const [word, text] of Object.entries(RELATIONS)) WORDS.set(word, { kind: 'relation', text })
for (const word of TECHNICAL_WORDS) WORDS.set(word, TECHNICAL)
for (const word of FILLERS) WORDS.set(word, FILLER)

/** The Croatian word for an identifier word (lower-case, singular), or undefined when there is none. */
export function croatianWord(word: string): CroatianWord | undefined {
  return WORDS.get(word)
}

/** Every Croatian form the table writes (for the walk test's word check). */
export function croatianWordForms(): ReadonlySet<string> {
  const forms = new Set<string>()
  const add = (text: string) => {
    for (const part of text.split(/[\s_]+/)) if (part) forms.add(part.toLowerCase())
  }
  for (const entry of WORDS.values()) {
    if (entry.kind === 'noun')
      for (const form of [entry.one, entry.oneOf, entry.many, entry.manyOf]) add(form)
    else if (entry.kind === 'adjective')
      for (const forms of [entry.one, entry.oneOf, entry.many])
        for (const form of Object.values(forms)) add(form)
    else if (entry.kind === 'relation') add(entry.text)
  }
  return forms
}
