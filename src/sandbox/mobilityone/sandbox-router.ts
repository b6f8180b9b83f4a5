/**
 * Method + path matching over every operation the sandbox serves (hand-written and generic
 * ones from the specs). Built once at start-up; literal segments win over parameters, and
 * matching ignores letter case as ASP.NET routing does.
 */
export interface RouteMatch<Handler> {
  handler: Handler
  /** `GET /vehiclemgt/Cases/{id}`: the key calls are counted and faults are targeted by. */
  key: string
  params: Record<string, string>
}

interface Node<Handler> {
  literals: Map<string, Node<Handler>>
  parameter: Node<Handler> | null
  /** Per method: the handler and the parameter names in path order. */
  endpoints: Map<string, { handler: Handler; key: string; names: string[] }>
}

export interface SandboxRouter<Handler> {
  /** Returns false when the method and pattern are already taken (first registration wins). */
  add(method: string, pattern: string, handler: Handler): boolean
  match(method: string, path: string): RouteMatch<Handler> | 'method-not-allowed' | null
  size(): number
}

const newNode = <Handler>(): Node<Handler> => ({ literals: new Map(), parameter: null, endpoints: new Map() })

export function createSandboxRouter<Handler>(): SandboxRouter<Handler> {
  const root = newNode<Handler>()
  let count = 0
  return {
    add(method, pattern, handler) {
      let node = root
      const names: string[] = []
      for (const segment of splitPath(pattern)) {
        const parameter = /^\{(.+)\}$/.exec(segment)
        if (parameter) {
          names.push(parameter[1]!)
          node.parameter ??= newNode()
          node = node.parameter
        } else {
          const literal = segment.toLowerCase()
          let next = node.literals.get(literal)
          if (!next) {
            next = newNode()
            node.literals.set(literal, next)
          }
          node = next
        }
      }
      const upper = method.toUpperCase()
      if (node.endpoints.has(upper)) return false
      node.endpoints.set(upper, { handler, key: `${upper} ${pattern}`, names })
      count++
      return true
    },
    match(method, path) {
      const segments = splitPath(path)
      const values: string[] = []
      const node = walk(root, segments, 0, values)
      if (!node) return null
      const endpoint = node.endpoints.get(method.toUpperCase())
      if (!endpoint) return 'method-not-allowed'
      const params: Record<string, string> = {}
      endpoint.names.forEach((name, index) => {
        params[name] = values[index]!
      })
      return { handler: endpoint.handler, key: endpoint.key, params }
    },
    size: () => count,
  }
}

function walk<Handler>(
  node: Node<Handler>,
  segments: string[],
  index: number,
  values: string[],
): Node<Handler> | null {
  if (index === segments.length) return node.endpoints.size > 0 ? node : null
  const segment = segments[index]!
  const literal = node.literals.get(segment.toLowerCase())
  if (literal) {
    const found = walk(literal, segments, index + 1, values)
    if (found) return found
  }
  if (node.parameter) {
    values.push(safeDecode(segment))
    const found = walk(node.parameter, segments, index + 1, values)
    if (found) return found
    values.pop()
  }
  return null
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '')
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
