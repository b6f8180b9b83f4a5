import type { SkippedOperation, Tool } from './tool.ts'

const EMPTY: readonly Tool[] = Object.freeze([])

function push(index: Map<string, Tool[]>, key: string, tool: Tool): void {
  const list = index.get(key)
  if (list) {
    if (list[list.length - 1] !== tool) list.push(tool)
  } else index.set(key, [tool])
}

/**
 * The tools of the loaded specs with indexes built once: every lookup is one Map access.
 * Field and parameter names are matched case-insensitively (`vehicleId` = `VehicleId`).
 */
export class ToolRegistry {
  private readonly byId = new Map<string, Tool>()
  private readonly byBareId = new Map<string, Tool[]>()
  private readonly providersByField = new Map<string, Tool[]>()
  private readonly consumersByParameter = new Map<string, Tool[]>()
  private readonly familyByEntity = new Map<string, Tool[]>()
  private readonly tools: readonly Tool[]

  constructor(
    tools: readonly Tool[],
    readonly skipped: readonly SkippedOperation[] = [],
    /** Content hash of the specs this registry was built from. */
    readonly sourceHash = '',
  ) {
    this.tools = Object.freeze([...tools])
    for (const tool of this.tools) {
      this.byId.set(tool.id, tool)
      push(this.byBareId, tool.bareId, tool)
      push(this.familyByEntity, tool.entity.toLowerCase(), tool)
      if (tool.readOnly)
        for (const field of tool.responseFields) push(this.providersByField, field.name.toLowerCase(), tool)
      for (const parameter of tool.parameters)
        push(this.consumersByParameter, parameter.name.toLowerCase(), tool)
      for (const field of tool.requestBody) push(this.consumersByParameter, field.name.toLowerCase(), tool)
    }
  }

  get size(): number {
    return this.tools.length
  }

  get(id: string): Tool | undefined {
    return this.byId.get(id)
  }

  has(id: string): boolean {
    return this.byId.has(id)
  }

  all(): readonly Tool[] {
    return this.tools
  }

  /** Tools that share a §1.6 id across services (the unqualified one first). */
  withBareId(bareId: string): readonly Tool[] {
    return this.byBareId.get(bareId) ?? EMPTY
  }

  /** Read-only tools whose response items carry the field: what can give me a `VehicleId`? */
  providersOf(field: string): readonly Tool[] {
    return this.providersByField.get(field.toLowerCase()) ?? EMPTY
  }

  /** Tools that take the name as a parameter or request-body field. */
  consumersOf(parameter: string): readonly Tool[] {
    return this.consumersByParameter.get(parameter.toLowerCase()) ?? EMPTY
  }

  /** The tool family of an entity (first path segment), e.g. every `/Cases...` operation. */
  familyOf(entity: string): readonly Tool[] {
    return this.familyByEntity.get(entity.toLowerCase()) ?? EMPTY
  }

  entities(): string[] {
    return [...new Set(this.tools.map((tool) => tool.entity))]
  }
}
