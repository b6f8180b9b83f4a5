export { createIdentityGate, type IdentityGateOptions } from './create-identity-gate.ts'
export { createDrizzleDirectory } from './drizzle-directory.ts'
export { CONSENT_NO_ID, CONSENT_YES_ID, formatKilometres, identityTexts } from './identity-texts.ts'
export { createInMemoryDirectory } from './in-memory-directory.ts'
export { mapMasterDataVehicle } from './map-master-data-vehicle.ts'
export { normalizePhone } from './normalize-phone.ts'
export {
  createPersonResolver,
  type PersonResolver,
  type PersonResolverOptions,
  type Resolution,
} from './person-resolver.ts'
export { phoneSpellings, samePhone } from './phone-spellings.ts'
export { type ConsentAnswer, readConsentAnswer } from './read-consent-answer.ts'
export {
  createUserContextProvider,
  type UserContextProvider,
  type UserContextProviderOptions,
} from './user-context-provider.ts'
