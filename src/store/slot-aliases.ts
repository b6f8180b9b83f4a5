/**
 * Slot names have one canonical spelling; API parameter names, Croatian words and inline-edit
 * labels ("bilješka:", "od", "vozilo") are aliases. The alias map is built once at load, so
 * resolving a name is one Map lookup on a folded, lower-case key.
 */

export type CanonicalSlot =
  | 'vehicleId'
  | 'from'
  | 'to'
  | 'description'
  | 'mileage'
  | 'subject'
  | 'itemId'
  | 'personId'

const CANONICAL_ALIASES: Readonly<Record<CanonicalSlot, readonly string[]>> = {
  vehicleId: ['vehicleid', 'vehicle', 'vozilo', 'auto', 'automobil', 'car'],
  from: ['from', 'fromtime', 'od', 'pocetak', 'start', 'starttime', 'datefrom'],
  to: ['to', 'totime', 'do', 'kraj', 'end', 'endtime', 'dateto'],
  description: [
    'description',
    'message',
    'comment',
    'note',
    'opis',
    'biljeska',
    'napomena',
    'komentar',
    'poruka',
    'svrha',
  ],
  mileage: ['mileage', 'value', 'km', 'kilometraza', 'kilometri', 'lastmileage', 'stanje'],
  subject: ['subject', 'naslov', 'predmet', 'tema'],
  itemId: ['itemid', 'id'],
  personId: ['personid', 'driverid', 'assignedtoid', 'user', 'assigneeid'],
}

const FOLD: Readonly<Record<string, string>> = { č: 'c', ć: 'c', š: 's', ž: 'z', đ: 'd' }
const NOT_KEY = /[^a-z0-9]/g
const DIACRITIC = /[čćšžđ]/g

function aliasKey(name: string): string {
  return name
    .toLowerCase()
    .replace(DIACRITIC, (letter) => FOLD[letter])
    .replace(NOT_KEY, '')
}

/** alias (folded, lower-case, letters and digits only) -> canonical slot. */
export const SLOT_ALIASES: ReadonlyMap<string, CanonicalSlot> = (() => {
  const map = new Map<string, CanonicalSlot>()
  for (const [canonical, aliases] of Object.entries(CANONICAL_ALIASES) as [
    CanonicalSlot,
    readonly string[],
  ][]) {
    map.set(aliasKey(canonical), canonical)
    for (const alias of aliases) map.set(aliasKey(alias), canonical)
  }
  return map
})()

/** The canonical slot for a parameter name or label, or undefined when it has none. */
export function canonicalSlot(name: string): CanonicalSlot | undefined {
  return SLOT_ALIASES.get(aliasKey(name))
}

/** Canonical slot name, or the name itself for slots without aliases (generic tool parameters). */
export function slotNameOf(name: string): string {
  return canonicalSlot(name) ?? name
}
