import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadRegistry } from '../../../src/registry/load-registry.ts'
import { buildToolDocuments, type ToolDocument } from '../../../src/search/tool-document.ts'
import { ToolSearch } from '../../../src/search/tool-search.ts'
import { readMessage } from '../../../src/understanding/read-message.ts'

// Held-out queries written for the behaviours of the catalogue search (operation kinds, keys,
// quoted values, lookups, compound entities), not taken from any evaluation file.
const SPECS =
  process.env.SPECS ?? fileURLToPath(new URL('../../../../shared/mobilityone/specs', import.meta.url))
let search: ToolSearch
let documentOf: (id: string) => ToolDocument

beforeAll(async () => {
  const { registry } = await loadRegistry({
    sources: [SPECS],
    services: ['automation', 'tenantmgt', 'vehiclemgt'],
  })
  search = new ToolSearch(registry)
  const documents = buildToolDocuments(registry.all())
  const position = new Map(registry.all().map((tool, index) => [tool.id, index]))
  documentOf = (id) => documents[position.get(id)!]!
})

const first = (text: string) => search.search(text).hits[0]?.id
const top = (text: string, k = 3) => search.search(text, { top: k }).hits.map((hit) => hit.id)

describe('catalogue routing (hand-written held-out queries)', () => {
  it.each([
    // a year or a named month fills `{year}`/`{month}` path parameters
    ['kolko su vozila u prosjeku prešla u svibnju 2021', 'get_Stats_FleetAverageMonthlyMileage_year_month'],
    [
      'koliko je bila prosječna kilometraža flote u ožujku 2023',
      'get_Stats_FleetAverageMonthlyMileage_year_month',
    ],
    // usage of vehicles and equipment is their calendar
    ['statistika upotrebe vozila', 'get_VehicleCalendar_Agg'],
    ['upotreba opreme po danima', 'get_EquipmentCalendar'],
    // entity vocabulary and inflections
    ['popis oznaka', 'get_Tags'],
    ['obriši tag 12', 'delete_Tags_id'],
    ['troškovni centri', 'get_CostCenters'],
    ['popis centara troškova', 'get_CostCenters'],
    ['izvještaji o kilometraži', 'get_MileageReports'],
    ['grupe troškova', 'get_ExpenseGroups'],
    ['parsiraj ovu poruku u prijavu štete', 'post_AddCase_parse'],
    ['dodaj trošak parkinga', 'post_Expenses'],
    ['unesi trošak cestarine', 'post_Expenses'],
    // compound entities named by two words
    ['unesi novi tip dokumenta: zapisnik o primopredaji', 'post_DocumentTypes'],
    // aggregates, groupings, keys after "po/prema"
    ['prosječan iznos troškova', 'get_Expenses_Agg'],
    ['grupiraj troškove po vozilu', 'get_Expenses_GroupBy'],
    ['grupiraj vozila po skupu', 'get_Vehicles_GroupBy'],
    ['sortiraj partnere po gradu', 'get_Partners'],
    // bulk delete vs delete by criteria
    ['masovno obriši sve tagove', 'delete_Tags'],
    ['obriši tagove koji se ne koriste', 'delete_Tags_DeleteByCriteria'],
    // one item vs the list
    ['prikaži tim s ID-om 7', 'get_Teams_id'],
    ['detalji partnera Auto Centar', 'get_Partners_id'],
    ['prikaži prvih 20 rezultata partnera', 'get_Partners'],
    ['nađi osobu ivana.horvat@firma.hr', 'get_PersonData_personIdOrEmail'],
    // lookups only when a code list is asked for
    ['šifrarnik mjesta troška', 'get_Lookup_CostCenterId'],
    ['statusi opreme za odabir', 'get_Lookup_EquipmentStatuses'],
    // quoted text is a value, not the entity
    ["dodaj vrstu opreme 'Kompresor vozila'", 'post_EquipmentTypes'],
  ])('%s -> %s', (text, expected) => {
    expect(first(text)).toBe(expected)
  })

  it('prefers the entity over a lookup of the same words', () => {
    expect(first('koje skupove imamo')).toBe('get_Pools')
    expect(top('prikaži tim s ID-om 7')).not.toContain('get_Lookup_TeamId')
  })
})

describe('query understanding for the catalogue', () => {
  it('does not guess a function word as a misspelt domain word', () => {
    const words = search.understand('vožnje poredane prema kilometrima').words.flatMap((word) => word.terms)
    expect(words).not.toContain('equipment')
    expect(words).toContain('trip')
  })

  it('masks e-mail addresses as values', () => {
    const analysed = readMessage('osoba pero.peric@m1.hr 5').values
    expect(analysed.emails).toEqual(['pero.peric@m1.hr'])
    expect(analysed.numbers).toEqual([5])
    expect(analysed.tokens).toEqual(['osoba', '#email', '#num'])
  })

  it('weights quoted values and "po X" keys below the words asking', () => {
    const weightOf = (text: string, term: string) =>
      search.understand(text).terms.find((entry) => entry.term === term)?.weight ?? 0
    expect(weightOf("dodaj vrstu opreme 'Kompresor vozila'", 'vehicle')).toBeLessThan(0.5)
    expect(weightOf("dodaj vrstu opreme 'Kompresor vozila'", 'equipment')).toBe(1)
    expect(weightOf('grupiraj sva auta po tipu', 'type')).toBeLessThan(
      weightOf('grupiraj sva auta po tipu', 'vehicle'),
    )
  })
})

describe('tool documents', () => {
  it('gives collection operations the fields of their collection', () => {
    const list = documentOf('get_Partners').fields
    const aggregate = documentOf('get_Partners_Agg').fields
    expect(list.length).toBeGreaterThan(5)
    for (const word of list) expect(aggregate).toContain(word)
  })

  it('names the operation kind and the subject of container paths', () => {
    expect(documentOf('get_Partners_Agg').action).toEqual(expect.arrayContaining(['agg', 'aggregate']))
    expect(documentOf('delete_Partners').action).toContain('bulk')
    expect(documentOf('get_Lookup_TeamId').action).toEqual(['team'])
    expect(documentOf('get_DocumentTypes').pair).toEqual(['document+type'])
    expect(documentOf('get_DocumentTypes_id_documents').action).not.toContain('document')
  })
})
