import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadRegistry } from '../../../src/registry/load-registry.ts'
import { ToolSearch } from '../../../src/search/tool-search.ts'

const SPECS =
  process.env.SPECS ?? fileURLToPath(new URL('../../../../shared/mobilityone/specs', import.meta.url))
const REPO = fileURLToPath(new URL('../../../', import.meta.url))
let search: ToolSearch

beforeAll(async () => {
  const { registry } = await loadRegistry({
    sources: [SPECS],
    services: ['automation', 'tenantmgt', 'vehiclemgt'],
  })
  search = new ToolSearch(registry)
})

const first = (text: string) => search.search(text).hits[0]?.id

describe('routing of driver messages (hand-written, not from the eval files)', () => {
  it.each([
    ['koja mi je kilometraža sad', 'get_MasterData'],
    ['kad mi istjece registracija', 'get_MasterData'],
    ['koje su moje tablice', 'get_MasterData'],
    ['koja je lizing kuca za moj auto', 'get_MasterData'],
    ['trebam auto sutra od 8 do 16', 'get_AvailableVehicles'],
    ['mogu li bukirati auto za petak', 'get_AvailableVehicles'],
    ['ima li slobodnih vozila iduci tjedan', 'get_AvailableVehicles'],
    ['moje rezervacije', 'get_VehicleCalendar'],
    ['otkaži moju rezervaciju', 'delete_VehicleCalendar_id'],
    ['upiši 123456 km', 'post_AddMileage'],
    ['udario sam u stup', 'post_AddCase'],
    ['puknula mi je guma', 'post_AddCase'],
    ['moje prijavljene štete', 'get_Cases'],
    ['obriši slučaj', 'delete_Cases_id'],
    ['moja putovanja', 'get_Trips'],
    ['makni mi voznju od jucer', 'delete_Trips_id'],
    ['moji troškovi', 'get_Expenses'],
    ['popis svih vozila', 'get_Vehicles'],
    ['koliko vozila imamo u floti', 'get_Vehicles_Agg'],
    ['dokumenti vozila', 'get_Vehicles_id_documents'],
    ['moj profil', 'get_PersonData_personIdOrEmail'],
    ['vrste troškova', 'get_ExpenseTypes'],
    ['dodaj novog partnera', 'post_Partners'],
    ['obriši tim s ID 5', 'delete_Teams_id'],
    ['kad mi je sljedeći servis', 'get_MasterData'],
    ['koji auto vozim', 'get_MasterData'],
    ['podaci o mom vozilu', 'get_MasterData'],
    ['jel ima slobodan auto danas popodne', 'get_AvailableVehicles'],
    ['udario sam u rampu na parkingu, ulubljen mi je prednji dio', 'post_AddCase'],
    ['upalila mi se lampica motora', 'post_AddCase'],
    ['moje vožnje ovaj mjesec', 'get_Trips'],
    ['koliko sam potrošio na gorivo', 'get_Expenses'],
    ['broj vozila u floti', 'get_Vehicles_Agg'],
    ['prometna dozvola vozila', 'get_Vehicles_id_documents'],
    ['promijeni kilometražu na ZG1234AB', 'post_AddMileage'],
    ['kilometraza unos 99003 pliz', 'post_AddMileage'],
    ['unos kilometraže za ZG 1234-AB: 63.410 km na dan 31.10.2025.', 'post_AddMileage'],
    ['treba mi auto za put u split iduci tjedan', 'get_AvailableVehicles'],
    ['jel ima neki auto za sutra ujutro', 'get_AvailableVehicles'],
    ['evo slika racuna za gorivo, ide uz trosak 5521', 'post_Expenses_id_documents'],
    ['prikaži sve prijave kilometraže iz listopada', 'get_MileageReports'],
    ['molim te obrisi slucaj 20455 nije vise aktualan', 'delete_Cases_id'],
    ['koje tipove dokumenata mogu uploadat', 'get_DocumentTypes'],
    ['izlistaj mi partnere, servise i te', 'get_Partners'],
    ['popis sve opreme u floti', 'get_Equipment'],
    ['izlistaj vozila za koja nitko nije unio kilometrazu od pocetka mjeseca', 'get_Stats_NoMileageSince'],
    ['koliko je firma potrošila na cestarine u travnju', 'get_Expenses'],
    ['natočio sam gorivo, na satu piše 98.112 km, zapiši tu kilometražu', 'post_AddMileage'],
    ['imala sam sudar jutros, nitko nije ozlijeđen', 'post_AddCase'],
    ['koja je registracijska oznaka vozila koje mi je dodijeljeno', 'get_MasterData'],
    ['tipovi šteta koje mogu prijaviti', 'get_CaseTypes'],
    ['promijeni samo boju na vozilu 55 u bijelu, ostalo ne diraj', 'patch_Vehicles_id'],
    ['koliko je koštao svaki auto mjesečno ove godine', 'get_VehiclesMonthlyExpenses'],
    ['evidentiraj službeni put od 8 do 12h, početni km 45000 završni 45210', 'post_Trips'],
    // Helpers (parse, sync, recalculate, form inputs) only when named.
    ['možeš mi dodat jedan slučaj, tiče se kombija', 'post_AddCase'],
    ['ističe li mi registracija auta ovaj mjesec', 'get_MasterData'],
    ['koje gume trenutno imam na autu, zimske ili ljetne', 'get_MasterData'],
    ['upalila mi se lampica za motor dok sam vozio po autocesti', 'post_AddCase'],
    [
      'imam kvar na klimi, ne hladi već tri dana, a vani je 35 stupnjeva, molim prijavu kvara',
      'post_AddCase',
    ],
    ['koja je zadnja vožnja koju sam evidentirao', 'get_Trips'],
    ['koliki su nam u prosjeku mjesečni troškovi voznog parka', 'get_Stats_FleetAverageMonthlyExpenses'],
    ['koliko u prosjeku km mjesečno prijeđu naša vozila', 'get_Stats_FleetAverageMonthlyMileage_year_month'],
    ['ispravi trošak 7710: iznos 48,90 EUR, vrsta gorivo', 'put_Expenses_id'],
    ['ne treba taj trošak 2045, makni ga', 'delete_Expenses_id'],

    ['dobili smo kaznu, tko je vozio koji auto 1.3.2025', 'get_VehiclesAssignmentsOverview_on'],
    ['do kad je auto registriran', 'get_MasterData'],
    ['jesu li mi stavili zimske gume', 'get_MasterData'],
    ['broj šasije?', 'get_MasterData'],
    ['unos kilometraže', 'post_AddMileage'],
    ['vozilo 123', 'get_Vehicles_id'],
    ['prosječni mjesečni trošak vozila 42', 'get_Stats_VehicleAverageMonthlyExpenses_vehicleId'],
    ['zaduži vozilo 33 na Anu Kovač', 'post_VehicleAssignments'],
    ['cost centri', 'get_CostCenters'],
    ['podaci za put broj 2188', 'get_Trips_id'],
    ['netko mi je izgrebo vrata dok je auto stajo ispred zgrade', 'post_AddCase'],
    ['želim prijaviti kvar, klima ne hladi već nekoliko dana', 'post_AddCase'],
    ['dodaj slikanu fakturu uz trošak 889', 'post_Expenses_id_documents'],
    ['my reservations', 'get_VehicleCalendar'],
    ['trebao bi mi booking u utorak od 9 do 17h', 'get_AvailableVehicles'],
    ['sve prijave kilometara za OS 2231 BB', 'get_MileageReports'],
    ['dodaj novog zaposlenika: Ivan Babić, ivan.babic@tvrtka.hr, vozač', 'post_Persons'],
    ['pošalji email na fleet@mobilityone.hr s pitanjem kad je dostupan zamjenski auto', 'post_SendEmail'],
    ['molim pošaljite e-mail voditelju flote da mi je potrebna zamjena vozila', 'post_SendEmail'],
  ])('%s -> %s', (text, expected) => {
    expect(first(text)).toBe(expected)
  })

  it('tolerates missing diacritics and typos', () => {
    expect(first('kilometraza mog auta')).toBe('get_MasterData')
    expect(first('kilometrzau mog vozla')).toBe('get_MasterData')
    expect(first('otkazi rezervacju')).toBe('delete_VehicleCalendar_id')
  })

  it.each([
    ['sva očitanja kilometraže za ZG-1234-AB', 'get_MileageReports'],
    ['troškovi za veljaču 2025.', 'get_Expenses'],
    ['koliko su nas vozila koštala po mjesecima ove godine', 'get_VehiclesMonthlyExpenses'],
    ['prosječni mjesečni troškovi flote', 'get_Stats_FleetAverageMonthlyExpenses'],
    ['statusi slučajeva', 'get_Lookup_CaseStatuses'],
    ['status mojih prijava štete', 'get_Cases'],
    ['koliki su ukupni troškovi za gorivo u studenom', 'get_Expenses'],
  ])('reads values and periods: %s -> %s', (text, expected) => {
    // A plate names a vehicle, not a report; a year is a period, not an id.
    expect(first(text)).toBe(expected)
  })

  it('takes a chatty message by the clause that asks for something', () => {
    expect(
      first(
        'bok, jel mi mozes reci koje su mi tablice, zaboravio sam a moram upisat u aplikaciju za parking',
      ),
    ).toBe('get_MasterData')
    // A clause of values only ("OIB ...", "62 km") asks for nothing: the whole message decides.
    expect(first('Dodaj novog partnera: Autoservis Babić d.o.o., OIB 12345678901, Osijek.')).toBe(
      'post_Partners',
    )
  })

  it('reads "po X" as a field key, not as the entity asked for', () => {
    expect(first('grupiraj sva auta po tipu')).toBe('get_Vehicles_GroupBy')
  })

  it('prefers the one-id sibling when the message gives a single value', () => {
    const id = first('pokaži mi dokumente partnera 14')
    expect(id).toMatch(/_id_documents$/)
    expect(first('put 2188: dokument 31 postavi kao zadani')).toMatch(
      /_id_documents_documentId_SetAsDefault$/,
    )
  })

  it('keeps at most two variants of one entity in the top 5 when others match', () => {
    const { hits } = search.search('dodaj periodičnu aktivnost')
    const perEntity = new Map<string, number>()
    for (const hit of hits) perEntity.set(hit.tool.entity, (perEntity.get(hit.tool.entity) ?? 0) + 1)
    expect(Math.max(...perEntity.values())).toBeLessThanOrEqual(2)
    expect(perEntity.size).toBeGreaterThanOrEqual(3)
  })

  it('leaves small talk to the intent model: catalogue search never decides "no tool"', () => {
    expect(search.search('hvala lijepa').noTool).toBeUndefined()
  })

  it('returns top-k sorted by score with unique ids', () => {
    const { hits } = search.search('popis partnera', { top: 7 })
    expect(hits).toHaveLength(7)
    expect(new Set(hits.map((hit) => hit.id)).size).toBe(7)
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score)
  })

  it('explains matches per field, the method factor and the convention used', () => {
    const result = search.search('obriši vrstu troška', { explain: true })
    expect(result.understanding?.method).toBe('delete')
    const hit = result.hits[0]!
    expect(hit.id).toBe('delete_ExpenseTypes_id')
    expect(hit.explanation?.matched.entity).toEqual(expect.arrayContaining(['expense', 'type']))
    expect(hit.explanation?.methodFactor).toBeGreaterThan(0.5)
    const convention = search.search('kolika mi je kilometraža', { explain: true }).hits[0]!
    expect(convention.explanation?.convention).toBe('my-vehicle-facts')
  })

  it('gives the same answer twice (scratch buffers are reset between queries)', () => {
    const a = search.search('popis partnera').hits.map((hit) => [hit.id, hit.score])
    search.search('tipovi vozila')
    expect(search.search('popis partnera').hits.map((hit) => [hit.id, hit.score])).toEqual(a)
  })
})

describe('commands', () => {
  const run = promisify(execFile)

  it('m1 eval routing --json prints one line with the agreed keys', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'routing-'))
    const data = join(dir, 'cases.jsonl')
    await writeFile(
      data,
      [
        { query: 'moje rezervacije', expected_tool: 'get_VehicleCalendar' },
        { query: 'bok', expected_tool: null },
        { query: 'popis vozila', expected_tool: 'get_Vehicles', accept: ['get_Vehicles'] },
      ]
        .map((item) => JSON.stringify(item))
        .join('\n'),
    )
    const { stdout } = await run(
      'node',
      ['bin/m1.js', 'eval', 'routing', '--data', data, '--specs', SPECS, '--json'],
      {
        cwd: REPO,
        env: { ...process.env, DATA_DIR: join(dir, 'data') },
      },
    )
    const lines = stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    const figures = JSON.parse(lines[0]!)
    expect(Object.keys(figures)).toEqual([
      'n',
      'top1',
      'recall5',
      'mrr',
      'no_tool_accuracy',
      'p50_us',
      'p99_us',
    ])
    expect(figures).toMatchObject({ n: 3, top1: 1, recall5: 1, mrr: 1, no_tool_accuracy: 1 })
  })

  it('m1 tools search --json returns ranked hits', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tools-'))
    const { stdout } = await run(
      'node',
      [
        'bin/m1.js',
        'tools',
        'search',
        'moji troškovi',
        '--top',
        '3',
        '--json',
        '--explain',
        '--specs',
        SPECS,
      ],
      {
        cwd: REPO,
        env: { ...process.env, DATA_DIR: dir },
      },
    )
    const output = JSON.parse(stdout)
    expect(output.hits).toHaveLength(3)
    expect(output.hits[0]).toMatchObject({ id: 'get_Expenses', method: 'GET', path: '/vehiclemgt/Expenses' })
    expect(output.understanding.words.length).toBeGreaterThan(0)
  })
})
