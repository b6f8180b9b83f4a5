import { convertOperationToTool } from './convert-operation-to-tool.ts'
import { SchemaReader } from './schema-reader.ts'
import type { SpecDocument } from './spec-document.ts'
import { HTTP_METHODS, type HttpMethod, type SkippedOperation, type Tool } from './tool.ts'
import { blacklistedWordIn, serviceQualifiedToolId, toolIdFor } from './tool-id.ts'

/**
 * Which service keeps the bare §1.6 id when two services expose the same path. vehiclemgt wins
 * over tenantmgt: the assistant is about vehicles, and 30 colliding paths (`/Metadata`,
 * `/Lookup/...`) are vehicle metadata for the driver's questions. The loser is qualified with its
 * service (`get_tenantmgt_Metadata`). Services not listed rank after these, alphabetically.
 */
export const SERVICE_PRECEDENCE: readonly string[] = ['automation', 'vehiclemgt', 'tenantmgt']

const ALL_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

function rankOf(service: string): number {
  const index = SERVICE_PRECEDENCE.indexOf(service)
  return index === -1 ? SERVICE_PRECEDENCE.length : index
}

export interface BuiltTools {
  tools: Tool[]
  skipped: SkippedOperation[]
  /** Operations seen in the documents, tools plus skipped. */
  operations: number
}

interface Candidate {
  bareId: string
  service: string
  method: HttpMethod
  path: string
  operation: Record<string, unknown>
  pathParameters: unknown[]
  reader: SchemaReader
}

/** Every operation of the documents becomes a tool or a skipped entry with a reason. */
export function buildTools(
  documents: readonly SpecDocument[],
  onProgress?: (done: number, total: number) => void,
): BuiltTools {
  const ordered = [...documents].sort(
    (a, b) => rankOf(a.service) - rankOf(b.service) || a.service.localeCompare(b.service),
  )
  const skipped: SkippedOperation[] = []
  const candidates: Candidate[] = []
  let operations = 0
  for (const spec of ordered) {
    const reader = new SchemaReader(spec.document)
    const paths = spec.document.paths
    if (typeof paths !== 'object' || paths === null) continue
    for (const [path, rawItem] of Object.entries(paths as Record<string, unknown>)) {
      const item = reader.deref(rawItem).schema
      const pathParameters = Array.isArray(item.parameters) ? item.parameters : []
      for (const key of Object.keys(item)) {
        if (!ALL_METHODS.includes(key)) continue
        operations++
        const method = key.toLowerCase()
        if (!HTTP_METHODS.has(method)) {
          skipped.push({
            service: spec.service,
            method,
            path,
            reason: `method ${method.toUpperCase()} is not offered`,
          })
          continue
        }
        const bareId = toolIdFor(method, path)
        const word = blacklistedWordIn(bareId, path)
        if (word) {
          skipped.push({ service: spec.service, method, path, reason: `blacklisted (${word})` })
          continue
        }
        const operation = item[key]
        if (typeof operation !== 'object' || operation === null) {
          skipped.push({ service: spec.service, method, path, reason: 'operation is not an object' })
          continue
        }
        candidates.push({
          bareId,
          service: spec.service,
          method: method as HttpMethod,
          path,
          operation: operation as Record<string, unknown>,
          pathParameters,
          reader,
        })
      }
    }
  }
  const tools: Tool[] = []
  const taken = new Set<string>()
  for (const candidate of candidates) {
    let id = candidate.bareId
    if (taken.has(id)) id = serviceQualifiedToolId(candidate.method, candidate.service, candidate.path)
    for (let suffix = 2; taken.has(id); suffix++) id = `${id}_${suffix}`
    taken.add(id)
    try {
      tools.push(convertOperationToTool({ ...candidate, id }, candidate.reader))
    } catch (error) {
      taken.delete(id)
      skipped.push({
        service: candidate.service,
        method: candidate.method,
        path: candidate.path,
        reason: `invalid operation: ${(error as Error).message}`,
      })
    }
    const done = tools.length + skipped.length
    if (done % 100 === 0 || done === operations) onProgress?.(done, operations)
  }
  return { tools, skipped, operations }
}
