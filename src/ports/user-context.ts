import type { Role } from './access-policy.ts'
import type { Consent } from './directory.ts'
import type { MasterDataVehicle } from './fleet-api.ts'
import type { InboundMessage, Reply } from './messages.ts'
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

/** One numbered item of the welcome menu: its number (or name) picks the intent. */
export interface WelcomeMenuItem {
  /** An intent of the intent model (e.g. `record_mileage`). */
  intent: string
  label: string
}

/**
 * The turn that granted consent. The identity gate sends `greeting` before the handler's replies;
 * the handler answers the request held from before consent (the inbound text), or, with an empty
 * text, only takes note that the greeting's menu is shown (and may repeat the greeting later).
 */
export interface Welcome {
  greeting: Reply
  /** Shown when there is no earlier request to answer; its numbers pick an item. */
  menu?: readonly WelcomeMenuItem[]
}

export interface UserTurnContext extends TurnContext {
  user: UserContext
  /** Set by the identity gate on the turn that granted consent. */
  welcome?: Welcome
}

/** The turn handler behind the identity gate: only registered users who consented reach it. */
export type UserTurnHandler = (inbound: InboundMessage, context: UserTurnContext) => Promise<TurnResult>
