import type { Role } from './access-policy.ts'
import type { Consent } from './directory.ts'
import type { MasterDataVehicle } from './fleet-api.ts'
import type { InboundMessage } from './messages.ts'
import type { TurnContext, TurnResult } from './turn-handler.ts'

/** A vehicle of the user, from MasterData; `raw` keeps every upstream field for formatting. */
export interface Vehicle {
  id: string
  /** FullVehicleName, else DisplayName, else make + model. */
  name: string
  plate: string | undefined
  vin: string | undefined
  mileageKm: number | undefined
  mileageAt: string | undefined
  raw: MasterDataVehicle
}

/** Who is writing: resolved from the phone, with consent and vehicles. */
export interface UserContext {
  phone: string
  personId: string
  tenantId: string
  displayName: string
  vehicles: Vehicle[]
  consent: Consent
  /** What the access policy lets this user see and change. */
  role: Role
}

export interface UserTurnContext extends TurnContext {
  user: UserContext
}

/** The turn handler behind the identity gate: only registered users who consented reach it. */
export type UserTurnHandler = (inbound: InboundMessage, context: UserTurnContext) => Promise<TurnResult>
