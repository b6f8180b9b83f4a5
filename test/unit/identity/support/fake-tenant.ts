import type { MasterDataVehicle, Person } from '../../../../src/ports/fleet-api.ts'
import { type FakeFleetServer, startFakeFleetServer } from '../../fleet/support/fake-fleet-server.ts'

export interface FakeTenant {
  server: FakeFleetServer
  persons: Person[]
  vehicles: Map<string, MasterDataVehicle[]>
  personsCalls(): number
  masterDataCalls(): number
  close(): Promise<void>
}

/** Persons with real `Filter` matching (OR of `=` conditions) and MasterData, over real HTTP. */
export async function startFakeTenant(persons: Person[], vehicles = new Map<string, MasterDataVehicle[]>()) {
  const server = await startFakeFleetServer()
  server.on('GET', '/tenantmgt/Persons', (request) => {
    const query = request.url.split('?')[1] ?? ''
    const conditions = query
      .split('&')
      .filter((part) => part.startsWith('Filter='))
      .map((part) => decodeURIComponent(part.slice('Filter='.length)))
      .map((raw) => {
        const match = /^([A-Za-z]+)\(=\)(.*)$/.exec(raw)
        if (!match) throw new Error(`unexpected filter ${raw}`)
        return { field: match[1]!, value: match[2]! }
      })
    const data = persons.filter((person) => conditions.some((c) => person[c.field] === c.value))
    return { json: { Data: data, Count: data.length } }
  })
  server.on('GET', '/automation/MasterData', (request) => {
    const personId = new URL(request.url, 'http://x').searchParams.get('personId') ?? ''
    return { json: vehicles.get(personId) ?? [] }
  })
  const count = (pathname: string) =>
    server.requests.filter((request) => request.pathname === pathname).length
  return {
    server,
    persons,
    vehicles,
    personsCalls: () => count('/tenantmgt/Persons'),
    masterDataCalls: () => count('/automation/MasterData'),
    close: () => server.close(),
  } satisfies FakeTenant
}
