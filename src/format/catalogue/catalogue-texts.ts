import { croatianPlural } from '../croatian-plural.ts'

/** Fixed Croatian words of rendered catalogue reads (labels live in field-labels.ts). */
export const catalogueTexts = {
  /** A tool offered among a few when search is not sure which one is meant. */
  toolChoice: {
    list: (many: string) => `Pregled: ${many}`,
    one: (one: string) => `Jedan zapis: ${one}`,
    aggregate: (manyOf: string) => `Broj i zbroj ${manyOf}`,
    add: (one: string) => `Novi unos: ${one}`,
    change: (one: string) => `Izmjena: ${one}`,
    remove: (one: string) => `Brisanje: ${one}`,
    lookup: (many: string) => `Šifrarnik: ${many}`,
  },
  yes: 'Da',
  no: 'Ne',
  /** "Slučaj br. 12" */
  number: (id: number) => `br. ${id}`,
  /** "Broj vozila" */
  countOf: (manyOf: string) => `Broj ${manyOf}`,
  days: (count: string, value: number) => `${count} ${croatianPlural(value, 'dan', 'dana', 'dana')}`,
  months: (count: string) => `${count} mj.`,
  minutes: (count: string) => `${count} min`,
  quarter: (quarter: number) => `${quarter}. tromjesečje`,
  monthNames: [
    'siječanj',
    'veljača',
    'ožujak',
    'travanj',
    'svibanj',
    'lipanj',
    'srpanj',
    'kolovoz',
    'rujan',
    'listopad',
    'studeni',
    'prosinac',
  ] as const,
  /** Headings of reads whose entity name does not say what they are. */
  documents: 'Dokumenti',
  extraData: 'Dodatni podaci',
  records: 'Podaci',
  nothing: 'Nema zapisa.',
  /** A driver's own things: "Vaša vozila", "Vaši slučajevi", "Vaše rezervacije". */
  yours: { m: 'Vaši', f: 'Vaše', n: 'Vaša' },
  yourOne: { m: 'Vaš', f: 'Vaša', n: 'Vaše' },
} as const
