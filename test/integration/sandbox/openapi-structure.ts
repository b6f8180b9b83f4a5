// The structural checks of an OpenAPI 3.0 document that our registry and other OpenAPI tools rely
// on: every local `$ref` resolves, every `{name}` of a path is a required path parameter, every
// parameter says where it goes and what it holds, every operation has responses. Written here
// (instead of a validator package) because these are the checks that matter for the sandbox's
// generated documents; the registry itself resolves `$ref`s lazily (src/registry/schema-reader.ts).

type Json = Record<string, unknown>

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const
const PARAMETER_LOCATIONS = new Set(['query', 'header', 'path', 'cookie'])

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function resolvePointer(document: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined
  let node: unknown = document
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    if (!isObject(node) && !Array.isArray(node)) return undefined
    node = (node as Json)[key]
    if (node === undefined) return undefined
  }
  return node
}

function collectRefs(node: unknown, at: string, found: { ref: string; at: string }[]): void {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) collectRefs(item, `${at}/${index}`, found)
    return
  }
  if (!isObject(node)) return
  if (typeof node.$ref === 'string') found.push({ ref: node.$ref, at })
  for (const [key, value] of Object.entries(node)) collectRefs(value, `${at}/${key}`, found)
}

/** Problems found in the document, one line each; empty when it passes. */
export function openApiStructureErrors(document: Json): string[] {
  const errors: string[] = []
  if (typeof document.openapi !== 'string' || !/^3\.0\.\d+$/.test(document.openapi))
    errors.push(`openapi: expected 3.0.x, got ${JSON.stringify(document.openapi)}`)
  const info = document.info
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string')
    errors.push('info: title and version are required strings')
  if (!isObject(document.paths)) {
    errors.push('paths: missing')
    return errors
  }
  const refs: { ref: string; at: string }[] = []
  collectRefs(document, '#', refs)
  for (const { ref, at } of refs) {
    if (resolvePointer(document, ref) === undefined) errors.push(`${at}: $ref ${ref} does not resolve`)
  }
  const deref = (node: unknown): unknown =>
    isObject(node) && typeof node.$ref === 'string' ? resolvePointer(document, node.$ref) : node
  for (const [path, rawItem] of Object.entries(document.paths)) {
    const item = deref(rawItem)
    if (!path.startsWith('/')) errors.push(`${path}: a path must start with "/"`)
    if (!isObject(item)) {
      errors.push(`${path}: not a path item`)
      continue
    }
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!)
    const shared = Array.isArray(item.parameters) ? item.parameters : []
    for (const method of METHODS) {
      const operation = item[method]
      if (operation === undefined) continue
      const where = `${method.toUpperCase()} ${path}`
      if (!isObject(operation)) {
        errors.push(`${where}: not an operation`)
        continue
      }
      if (!isObject(operation.responses) || Object.keys(operation.responses).length === 0)
        errors.push(`${where}: no responses`)
      const own = Array.isArray(operation.parameters) ? operation.parameters : []
      const parameters = new Map<string, Json>()
      for (const raw of [...shared, ...own]) {
        const parameter = deref(raw)
        if (!isObject(parameter)) {
          errors.push(`${where}: a parameter is not an object`)
          continue
        }
        const { name, in: location } = parameter
        if (typeof name !== 'string' || typeof location !== 'string' || !PARAMETER_LOCATIONS.has(location)) {
          errors.push(
            `${where}: parameter ${JSON.stringify(name)} needs a name and in: query|header|path|cookie`,
          )
          continue
        }
        if (parameter.schema === undefined && parameter.content === undefined)
          errors.push(`${where}: parameter ${name} has neither schema nor content`)
        if (location === 'path' && parameter.required !== true)
          errors.push(`${where}: path parameter ${name} must be required`)
        if (location === 'path' && !templated.includes(name))
          errors.push(`${where}: path parameter ${name} is not in the path`)
        parameters.set(`${location}:${name}`, parameter)
      }
      for (const name of templated) {
        if (!parameters.has(`path:${name}`)) errors.push(`${where}: path parameter {${name}} is not declared`)
      }
      if (operation.requestBody !== undefined) {
        const body = deref(operation.requestBody)
        if (!isObject(body) || !isObject(body.content)) errors.push(`${where}: requestBody needs content`)
      }
    }
  }
  return errors
}
