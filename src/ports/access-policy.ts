import type { Tool } from '../registry/tool.ts'
import type { FleetApi, FleetRequest, ListOptions, NewBooking, NewCase, NewMileage } from './fleet-api.ts'

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

/** A template write as a flow will send it, checked before its confirmation is shown. */
export type PlannedWrite =
  | { kind: 'booking'; booking: NewBooking }
  | { kind: 'mileage'; mileage: NewMileage }
  | { kind: 'case'; newCase: NewCase }
  | { kind: 'delete'; record: 'booking' | 'case' | 'trip' | 'expense'; id: string | number }

/** The fleet API as one user may use it: every call checked, every answer filtered. */
export interface ScopedFleet extends FleetApi {
  /** Whether this user may use the tool at all (the tools offered to the LLM, retrieval hits). */
  allows(tool: Tool): boolean
  /**
   * The checks of a call without making it (before a write's confirmation is shown): throws the
   * same error the call would, `FleetNotFoundError` for a record that is not the user's.
   */
  check(request: FleetRequest): Promise<void>
  /**
   * The checks of a template write (booking, mileage, damage report, delete) without making it:
   * the same checks its named helper runs, so a confirmation is only shown for a target the user
   * may change. Throws `FleetNotFoundError` for a record or vehicle that is not the user's (or a
   * car that is not free then), `AccessDeniedError` for a plate of someone else in a report.
   */
  checkWrite(write: PlannedWrite, options?: ListOptions): Promise<void>
}

export interface AccessPolicy {
  forUser(subject: AccessSubject): ScopedFleet
}
