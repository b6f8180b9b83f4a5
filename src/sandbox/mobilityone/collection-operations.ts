import { applyListQuery, parseListQuery } from './list-query.ts'
import type { FieldSpecs } from './sandbox-fields.ts'
import type { SandboxOperation, SandboxRequest, SandboxService } from './sandbox-operation.ts'
import { badRequest, notFound } from './sandbox-problem.ts'
import type { SandboxTenant } from './sandbox-records.ts'

export interface Collection<Row> {
  service: SandboxService
  /** `/Cases` */
  path: string
  /** Component schema name of one row, e.g. `Case` (the list uses `CaseItems`). */
  schema: string
  /** What a row is called in messages: `case`. */
  noun: string
  fields: FieldSpecs<Row>
  idType: 'integer' | 'uuid'
  rows(request: SandboxRequest): Iterable<Row>
  find(tenant: SandboxTenant, id: string | number): Row | undefined
  /** Present when the collection supports DELETE. */
  remove?(tenant: SandboxTenant, id: string | number): boolean
  listSummary: string
}

/** GET list, GET by id, and (when removable) DELETE by id and bulk DELETE. */
export function collectionOperations<Row>(collection: Collection<Row>): SandboxOperation[] {
  const { service, path, schema, noun } = collection
  const idParameter = { name: 'id', in: 'path' as const, type: collection.idType, required: true }
  const operations: SandboxOperation[] = [
    {
      method: 'GET',
      service,
      path,
      doc: {
        summary: collection.listSummary,
        list: true,
        responses: [
          { status: 200, description: 'OK', schema: `${schema}Items` },
          { status: 400, description: 'Malformed Filter, Sort or paging', schema: 'ProblemDetails' },
        ],
      },
      handle: (request) => ({
        status: 200,
        body: applyListQuery(collection.rows(request), parseListQuery(request.query, collection.fields)),
      }),
    },
    {
      method: 'GET',
      service,
      path: `${path}/{id}`,
      doc: {
        summary: `Returns one ${noun} by id`,
        parameters: [idParameter],
        responses: [
          { status: 200, description: 'OK', schema },
          { status: 404, description: 'Not Found', schema: 'ProblemDetails' },
        ],
      },
      handle: (request) => {
        const id = parseId(request.params.id!, collection.idType)
        const row = collection.find(request.tenant, id)
        if (!row) throw notFound(`No ${noun} with id ${id}`)
        return { status: 200, body: row }
      },
    },
  ]
  const remove = collection.remove
  if (remove) {
    operations.push(
      {
        method: 'DELETE',
        service,
        path: `${path}/{id}`,
        doc: {
          summary: `Deletes one ${noun} by id`,
          parameters: [idParameter],
          responses: [
            { status: 204, description: 'Deleted' },
            { status: 404, description: 'Not Found', schema: 'ProblemDetails' },
          ],
        },
        handle: (request) => {
          const id = parseId(request.params.id!, collection.idType)
          if (!remove(request.tenant, id)) throw notFound(`No ${noun} with id ${id}`)
          return { status: 204 }
        },
      },
      {
        method: 'DELETE',
        service,
        path,
        doc: {
          summary: `Deletes several ${noun} items by id`,
          body: { schema: { arrayOf: collection.idType === 'integer' ? 'integer' : 'uuid' } },
          responses: [
            { status: 200, description: 'Deleted' },
            { status: 400, description: 'Body is not an array of ids', schema: 'ProblemDetails' },
            { status: 404, description: 'None of the ids exist', schema: 'ProblemDetails' },
          ],
        },
        handle: (request) => {
          if (!Array.isArray(request.body) || request.body.length === 0) {
            throw badRequest('The request body must be a non-empty JSON array of ids')
          }
          let removed = 0
          for (const id of request.body) {
            if (remove(request.tenant, parseId(String(id), collection.idType))) removed++
          }
          if (removed === 0) throw notFound(`None of the given ${noun} ids exist`)
          return { status: 200 }
        },
      },
    )
  }
  return operations
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function parseId(text: string, type: 'integer' | 'uuid'): string | number {
  if (type === 'integer') {
    if (!/^\d{1,10}$/.test(text) || Number(text) > 2_147_483_647)
      throw badRequest(`The value '${text}' is not a valid id.`)
    return Number(text)
  }
  if (!UUID.test(text)) throw badRequest(`The value '${text}' is not a valid uuid.`)
  return text.toLowerCase()
}

export function isUuid(text: string): boolean {
  return UUID.test(text)
}
