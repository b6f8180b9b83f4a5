import type { ContextKind } from './tool.ts'

/**
 * Parameter and body-field names whose value comes from the user's context, never from the
 * user's text. Explicit by name (case-insensitive), never guessed from a format such as uuid:
 * a `uuid` called `CaseId` must be asked for or resolved, not filled with the user's person id.
 */
export const CONTEXT_PARAMETERS: ReadonlyMap<string, ContextKind> = new Map([
  ['personid', 'person'],
  ['driverid', 'person'],
  ['assignedtoid', 'person'],
  ['user', 'person'],
  // `/PersonData/{personIdOrEmail}`: a driver reads his own profile, never someone else's.
  ['personidoremail', 'person'],
  ['vehicleid', 'vehicle'],
  ['tenantid', 'tenant'],
  ['x-tenant', 'tenant'],
])

export function contextKindOf(name: string): ContextKind | undefined {
  return CONTEXT_PARAMETERS.get(name.toLowerCase())
}
