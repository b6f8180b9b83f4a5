import { describe, expect, it } from 'vitest'
import { classifyTool } from '../../../src/fleet/access/classify-tool.ts'
import { ownedByPerson, ownedByVehicle } from '../../../src/fleet/access/ownership-fields.ts'
import { createRoleOfPerson } from '../../../src/identity/role-of-person.ts'
import type { Tool, ToolField } from '../../../src/registry/tool.ts'
import { ToolRegistry } from '../../../src/registry/tool-registry.ts'

const field = (name: string): ToolField => ({ name, required: false })
function tool(
  id: string,
  method: Tool['method'],
  path: string,
  response: string[],
  body: string[] = [],
): Tool {
  const entity = path.split('/')[1]!
  return {
    id,
    bareId: id,
    service: 'vehiclemgt',
    method,
    path,
    entity,
    summary: '',
    description: '',
    tags: [],
    parameters: path.includes('{id}') ? [{ name: 'id', in: 'path', required: true, type: 'integer' }] : [],
    requestBody: body.map(field),
    responseFields: response.map(field),
    returnsList: !path.includes('{id}'),
    readOnly: method === 'get',
  }
}

describe('ownership fields', () => {
  it('a row is mine only when an owner field names me; a row naming nobody is not', () => {
    expect(ownedByPerson({ AssignedToId: 'ABC' }, ['AssignedToId'], 'abc')).toBe(true)
    expect(ownedByPerson({ AssignedToId: 'other' }, ['AssignedToId'], 'abc')).toBe(false)
    expect(ownedByPerson({ Driver: 'Ivan Horvat' }, ['AssignedToId', 'PersonId'], 'abc')).toBe(false)
    expect(ownedByVehicle({ vehicleid: 'V1' }, ['VehicleId'], new Set(['v1']))).toBe(true)
  })
})

describe('tool classification from the schema', () => {
  const cases = tool('get_Cases', 'get', '/Cases', ['Id', 'RaisedByAssigneeId', 'Subject'])
  const caseById = tool('get_Cases_id', 'get', '/Cases/{id}', ['Id', 'RaisedByAssigneeId'])
  const deleteCase = tool('delete_Cases_id', 'delete', '/Cases/{id}', [])
  const overview = tool('get_Overview', 'get', '/Overview', ['Driver', 'DriverFrom', 'LicencePlate'])
  const types = tool('get_CaseTypes', 'get', '/CaseTypes', ['Id', 'Name'])
  const email = tool('post_SendEmail', 'post', '/SendEmail', [], ['To', 'Body'])
  const bulk = tool('delete_Cases_DeleteByCriteria', 'delete', '/Cases/DeleteByCriteria', [])
  const booking = tool('post_VehicleCalendar', 'post', '/VehicleCalendar', [], ['AssignedToId', 'VehicleId'])
  const registry = new ToolRegistry([cases, caseById, deleteCase, overview, types, email, bulk, booking])

  it('derives each kind', () => {
    expect(classifyTool(cases, registry)).toMatchObject({
      kind: 'own-list',
      personFields: ['RaisedByAssigneeId'],
    })
    expect(classifyTool(caseById, registry).kind).toBe('own-record')
    expect(classifyTool(deleteCase, registry)).toMatchObject({
      kind: 'own-write',
      targetTool: 'get_Cases_id',
    })
    // Rows that name people only by display name cannot be attributed: tenant-wide.
    expect(classifyTool(overview, registry).kind).toBe('tenant-read')
    expect(classifyTool(types, registry).kind).toBe('reference')
    expect(classifyTool(email, registry).kind).toBe('admin')
    expect(classifyTool(bulk, registry).kind).toBe('admin')
    expect(classifyTool(booking, registry)).toMatchObject({
      kind: 'own-write',
      bodyPersonFields: ['AssignedToId'],
      poolVehicle: true,
    })
  })

  it('a write by id whose target cannot be read and attributed is tenant-wide', () => {
    const orphan = tool('delete_Things_id', 'delete', '/Things/{id}', [])
    expect(classifyTool(orphan, new ToolRegistry([orphan])).kind).toBe('tenant-write')
  })
})

describe('role of a person', () => {
  it('maps configured person types and org units to the fleet role, everyone else to driver', () => {
    const roleOf = createRoleOfPerson({ personTypes: ['Fleet manager', '7'], orgUnits: ['FLOTA'] })
    expect(roleOf({ Id: '1', PersonTypeName: 'fleet manager' })).toBe('fleet')
    expect(roleOf({ Id: '2', PersonTypeId: 7 })).toBe('fleet')
    expect(roleOf({ Id: '3', OrgUnitCode: 'flota' })).toBe('fleet')
    expect(roleOf({ Id: '4', PersonTypeName: 'Vozač' })).toBe('driver')
    expect(
      createRoleOfPerson({ personTypes: [], orgUnits: [] })({ Id: '5', PersonTypeName: 'Fleet manager' }),
    ).toBe('driver')
  })
})
