import type { Tool } from '../registry/tool.ts'
import type { FleetApi, FleetRequest } from './fleet-api.ts'

/**
 * What a user may see and change. `driver` is the safe default: own records only. `fleet` (a fleet
 * manager or the fleet office, from the configured person types or org units) also reads and
 * changes tenant-wide data.
 */
export type Role = 'driver' | 'fleet'

export interface AccessSubject {
  personId: string
  tenantId: string
  role: Role
  vehicles: readonly { id: string; plate?: string | undefined }[]
}

/** The fleet API as one user may use it: every call checked, every answer filtered. */
export interface ScopedFleet extends FleetApi {
  /** Whether this user may use the tool at all (the tools offered to the LLM, retrieval hits). */
  allows(tool: Tool): boolean
  /**
   * The checks of a call without making it (before a write's confirmation is shown): throws the
   * same error the call would, `FleetNotFoundError` for a record that is not the user's.
   */
  check(request: FleetRequest): Promise<void>
}

export interface AccessPolicy {
  forUser(subject: AccessSubject): ScopedFleet
}
