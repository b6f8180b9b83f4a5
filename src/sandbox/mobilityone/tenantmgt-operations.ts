import { collectionOperations } from './collection-operations.ts'
import { PERSON_FIELDS } from './sandbox-fields.ts'
import type { SandboxOperation } from './sandbox-operation.ts'

export function tenantmgtOperations(): SandboxOperation[] {
  return collectionOperations({
    service: 'tenantmgt',
    path: '/Persons',
    schema: 'Person',
    noun: 'person',
    fields: PERSON_FIELDS,
    idType: 'uuid',
    listSummary:
      'People of the tenant (paging, sorting, filtering). Find a driver by phone with repeated Filter=Phone(=)… and Filter=Mobile(=)… (OR-ed)',
    rows: ({ tenant }) => tenant.people.values(),
    find: (tenant, id) => tenant.people.get(String(id)),
  })
}
