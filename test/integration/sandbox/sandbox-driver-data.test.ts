import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type RunningSandbox,
  SANDBOX_TENANT_ID,
  startSandbox,
} from '../../../src/sandbox/mobilityone/index.ts'
import { BASE_DATE, filterQuery, sandboxClient } from './sandbox-test-client.ts'

let sandbox: RunningSandbox
let client: ReturnType<typeof sandboxClient>
const ids: Record<'ivan' | 'marko' | 'petra' | 'josip', string> = {
  ivan: '',
  marko: '',
  petra: '',
  josip: '',
}

beforeAll(async () => {
  sandbox = await startSandbox({ baseDate: BASE_DATE, now: () => new Date('2026-01-15T09:30:00Z') })
  client = sandboxClient(sandbox)
  const people = [...sandbox.dataset.tenantsById.get(SANDBOX_TENANT_ID)!.people.values()]
  const find = (first: string) =>
    people.find((person) => person.FirstName === first && person.Code <= 'JL0006')!.Id
  ids.ivan = find('Ivan')
  ids.marko = find('Marko')
  ids.petra = find('Petra')
  ids.josip = find('Josip')
})
afterAll(() => sandbox.close())

describe('Persons by phone', () => {
  it('finds a person in one call with every spelling OR-ed over Phone and Mobile', async () => {
    const spellings = ['+385912345678', '385912345678', '00385912345678', '0912345678', '+385 91 234 5678']
    const conditions = spellings.flatMap((spelling) => [`Phone(=)${spelling}`, `Mobile(=)${spelling}`])
    const response = await client.get(`/tenantmgt/Persons?Rows=10&${filterQuery(...conditions)}`)
    expect(response.status).toBe(200)
    expect(response.body.Count).toBe(1)
    expect(response.body.Data[0]).toMatchObject({
      Id: ids.ivan,
      FirstName: 'Ivan',
      Phone: '+385 91 234 5678',
    })
  })

  it('finds a number stored only in Mobile', async () => {
    const response = await client.get(`/tenantmgt/Persons?Rows=5&${filterQuery('Mobile(=)091 765 4321')}`)
    expect(response.body.Data.map((person: { Id: string }) => person.Id)).toEqual([ids.josip])
  })

  it('rejects the encoded (%3D) operator like the real API', async () => {
    const response = await client.get('/tenantmgt/Persons?Rows=5&Filter=Phone%28%3D%290912345678')
    expect(response.status).toBe(400)
    expect(response.body.detail).toContain('%3D')
  })
})

describe('MasterData', () => {
  it('returns a bare vehicle object for a person with one vehicle', async () => {
    const response = await client.get(`/automation/MasterData?personId=${ids.ivan}`)
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({
      LicencePlate: 'ZG-5521-KL',
      Manufacturer: 'Škoda',
      Model: 'Octavia',
      LastMileage: 45_231,
      Driver: 'Ivan Horvat',
      MileageUnit: 'km',
    })
    expect(response.body.PeriodicActivities[0]).toMatchObject({ Name: 'Registracija', DueDate: '2026-02-04' })
    expect(response.body.ProviderName).toMatch(/Leasing/)
    expect(response.body.UnresolvedCasesCount).toBeGreaterThanOrEqual(1)
  })

  it('returns {Data, Count} for several vehicles and for none', async () => {
    const several = await client.get(`/automation/MasterData?personId=${ids.marko}`)
    expect(several.body.Count).toBe(2)
    expect(several.body.Data.map((vehicle: { LicencePlate: string }) => vehicle.LicencePlate)).toEqual([
      'ZG-1234-AB',
      'ST-782-CD',
    ])
    expect((await client.get(`/automation/MasterData?personId=${ids.petra}`)).body).toEqual({
      Data: [],
      Count: 0,
    })
  })

  it('answers 400 without a valid personId and 404 for an unknown person', async () => {
    expect((await client.get('/automation/MasterData')).status).toBe(400)
    expect((await client.get('/automation/MasterData?personId=ivan')).status).toBe(400)
    expect(
      (await client.get('/automation/MasterData?personId=00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404)
  })
})

describe('AddMileage', () => {
  it('updates LastMileage and LastMileageTime of the vehicle', async () => {
    const vehicle = (await client.get(`/automation/MasterData?personId=${ids.ivan}`)).body
    const response = await client.post('/automation/AddMileage', {
      VehicleId: vehicle.Id,
      Value: 45_900,
      Comment: 'WhatsApp',
    })
    expect(response.status).toBe(202)
    expect(response.body).toEqual({
      Id: vehicle.Id,
      LicencePlate: 'ZG-5521-KL',
      DisplayName: 'Škoda Octavia',
      TenantId: SANDBOX_TENANT_ID,
    })
    const after = (await client.get(`/vehiclemgt/Vehicles/${vehicle.Id}`)).body
    expect(after.LastMileage).toBe(45_900)
    expect(after.LastMileageTime).toBe('2026-01-15T10:30:00')
    await client.post('/automation/AddMileage', {
      VehicleId: vehicle.Id,
      Value: 46_000,
      Time: '2026-01-14T18:00:00',
    })
    expect((await client.get(`/automation/MasterData?personId=${ids.ivan}`)).body).toMatchObject({
      LastMileage: 46_000,
      LastMileageTime: '2026-01-14T18:00:00',
    })
  })

  it('rejects bad bodies with field errors and unknown vehicles with 404', async () => {
    const vehicleId = (await client.get(`/automation/MasterData?personId=${ids.ivan}`)).body.Id
    const text = await client.post('/automation/AddMileage', { VehicleId: vehicleId, Value: '45000' })
    expect(text.status).toBe(400)
    expect(text.body.errors.Value[0]).toContain('whole number')
    expect((await client.post('/automation/AddMileage', { VehicleId: vehicleId, Value: 1.5 })).status).toBe(
      400,
    )
    expect((await client.post('/automation/AddMileage', { VehicleId: vehicleId, Value: -1 })).status).toBe(
      400,
    )
    expect((await client.post('/automation/AddMileage', { Value: 10 })).body.errors.VehicleId).toBeDefined()
    const unknown = await client.post('/automation/AddMileage', {
      VehicleId: '00000000-0000-4000-8000-000000000000',
      Value: 10,
    })
    expect(unknown.status).toBe(404)
  })
})

describe('AddCase and the Cases, Trips and Expenses lists', () => {
  it('creates a case on the person’s vehicle and returns its id', async () => {
    const response = await client.post('/automation/AddCase', {
      User: ids.ivan,
      Subject: 'Kvar',
      Message: 'Upalila se lampica za gume',
    })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({
      LicencePlate: 'ZG-5521-KL',
      CaseTypeName: 'Kvar',
      CaseStatus: 'Otvoren',
      Subject: 'Kvar',
      Description: 'Upalila se lampica za gume',
      RaisedByAssigneeId: ids.ivan,
      RaisedOn: '2026-01-15T10:30:00',
    })
    expect(Number.isInteger(response.body.Id)).toBe(true)
    const listed = await client.get(
      `/vehiclemgt/Cases?Rows=10&Sort=RaisedOn&SortOrder=-1&${filterQuery(`RaisedByAssigneeId(=)${ids.ivan}`)}`,
    )
    expect(listed.body.Data[0].Id).toBe(response.body.Id)
  })

  it('attaches the vehicle named by plate, and needs a vehicle somewhere', async () => {
    const named = await client.post('/automation/AddCase', {
      User: ids.marko,
      Subject: 'Šteta na vozilu',
      Message: 'Ogrebotina na ST 782 CD, parkiralište',
    })
    expect(named.body).toMatchObject({ LicencePlate: 'ST-782-CD', CaseTypeName: 'Šteta' })
    const none = await client.post('/automation/AddCase', {
      User: ids.petra,
      Subject: 'Kvar',
      Message: 'Ne radi',
    })
    expect(none.status).toBe(400)
    expect(none.body.detail).toContain('no vehicle')
    const empty = await client.post('/automation/AddCase', { User: ids.ivan, Subject: ' ', Message: 'x' })
    expect(empty.body.errors.Subject).toBeDefined()
  })

  it.each([
    ['Cases', 'RaisedByAssigneeId'],
    ['Trips', 'PersonId'],
    ['Expenses', 'PersonId'],
  ])('lists only the person’s %s by %s, and deletes one', async (collection, column) => {
    const path = `/vehiclemgt/${collection}?Rows=50&${filterQuery(`${column}(=)${ids.ivan}`)}`
    const before = await client.get(path)
    expect(before.body.Count).toBeGreaterThan(0)
    expect(before.body.Data.every((row: Record<string, string>) => row[column] === ids.ivan)).toBe(true)
    const id = before.body.Data[0].Id
    expect((await client.get(`/vehiclemgt/${collection}/${id}`)).status).toBe(200)
    expect((await client.delete(`/vehiclemgt/${collection}/${id}`)).status).toBe(204)
    expect((await client.get(path)).body.Count).toBe(before.body.Count - 1)
    expect((await client.get(`/vehiclemgt/${collection}/${id}`)).status).toBe(404)
    expect((await client.delete(`/vehiclemgt/${collection}/abc`)).status).toBe(400)
  })
})

describe('expense types and statuses', () => {
  it('lists the tenant’s expense types and statuses, as lookups and as a list', async () => {
    const types = await client.get('/vehiclemgt/Lookup/ExpenseTypeId')
    expect(types.status).toBe(200)
    expect(types.body).toEqual([
      { Id: 1, Name: 'Gorivo' },
      { Id: 2, Name: 'Cestarina' },
      { Id: 3, Name: 'Parking' },
      { Id: 4, Name: 'Pranje vozila' },
      { Id: 5, Name: 'Servis i održavanje' },
      { Id: 6, Name: 'Ostalo' },
    ])
    const statuses = await client.get('/vehiclemgt/Lookup/ExpenseStatuses')
    expect(statuses.body).toEqual([
      { Id: 1, Name: 'Na čekanju' },
      { Id: 2, Name: 'Odobreno' },
    ])
    const list = await client.get(`/vehiclemgt/ExpenseTypes?Rows=2&${filterQuery('Name(~)pranje')}`)
    expect(list.body).toMatchObject({ Count: 1, Data: [{ Id: 4, Name: 'Pranje vozila', Active: true }] })
  })
})

describe('PersonData, Vehicles and Agg', () => {
  it('returns the profile by id or e-mail', async () => {
    const byId = await client.get(`/automation/PersonData/${ids.ivan}`)
    expect(byId.body).toMatchObject({
      FirstName: 'Ivan',
      LastName: 'Horvat',
      Email: 'ivan.horvat@jadran-logistika.hr',
    })
    const byEmail = await client.get('/automation/PersonData/IVAN.HORVAT%40jadran-logistika.hr')
    expect(byEmail.body.Id).toBe(ids.ivan)
    expect((await client.get('/automation/PersonData/nobody@example.com')).status).toBe(404)
  })

  it('pages vehicles and counts them with /Vehicles/Agg', async () => {
    const page = await client.get('/vehiclemgt/Vehicles?First=5&Rows=10&Sort=LicencePlate')
    expect(page.body.Data).toHaveLength(10)
    const count = await client.get('/vehiclemgt/Vehicles/Agg?function=count')
    expect(count.body).toBe(page.body.Count)
    const pool = await client.get('/vehiclemgt/Vehicles/Agg?function=count&filter=AvailabilityId(=)1')
    expect(pool.body).toBeLessThan(count.body)
    expect(
      (await client.get('/vehiclemgt/Vehicles/Agg?function=count&filter=LicencePlate(=)XX-1-X')).status,
    ).toBe(204)
    const max = await client.get('/vehiclemgt/Vehicles/Agg?function=max&aggregateField=LastMileage')
    expect(max.body).toBeGreaterThan(100_000)
  })
})
