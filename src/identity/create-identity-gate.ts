import type { Clock } from '../ports/clock.ts'
import type { ConsentStore, UserMapping } from '../ports/directory.ts'
import type { InboundMessage, Reply } from '../ports/messages.ts'
import type { TurnContext, TurnHandler, TurnResult } from '../ports/turn-handler.ts'
import type { UserContext, UserTurnHandler } from '../ports/user-context.ts'
import { CONSENT_NO_ID, CONSENT_YES_ID, identityTexts } from './identity-texts.ts'
import type { PersonResolver } from './person-resolver.ts'
import { readConsentAnswer } from './read-consent-answer.ts'
import type { UserContextProvider } from './user-context-provider.ts'

export interface IdentityGateOptions {
  resolver: PersonResolver
  consentStore: ConsentStore
  contexts: UserContextProvider
  /** Defaults to the turn's `now`. */
  clock?: Clock
  texts?: typeof identityTexts
}

/**
 * Wraps the user-facing turn handler: only registered senders who consented reach `inner`.
 * Unknown numbers get the fixed "not registered" reply; the consent question is asked once,
 * "Ne" stops processing, "povuci privolu" withdraws; granting sends the first-contact greeting.
 */
export function createIdentityGate(options: IdentityGateOptions): (inner: UserTurnHandler) => TurnHandler {
  const texts = options.texts ?? identityTexts

  return (inner) =>
    async (inbound: InboundMessage, context: TurnContext): Promise<TurnResult> => {
      const now = options.clock?.now() ?? context.now
      let resolution: Awaited<ReturnType<PersonResolver['resolve']>>
      try {
        resolution = await options.resolver.resolve(inbound.from)
      } catch (error) {
        context.log.warn({ err: error }, 'identity lookup failed')
        return { replies: [texts.temporarilyUnavailable()] }
      }
      if (resolution.status !== 'registered') return { replies: [texts.notRegistered()] }

      const mapping = resolution.mapping
      const answer = readConsentAnswer(inbound)
      const reply = (...replies: Reply[]): TurnResult => ({
        replies,
        personId: mapping.personId,
        tenantId: mapping.tenantId,
        displayName: mapping.displayName,
      })

      async function store(consent: UserMapping['consent']): Promise<UserMapping> {
        const updated = (await options.consentStore.setConsent(mapping.phone, consent, now)) ?? {
          ...mapping,
          consent,
          consentAt: now,
        }
        options.resolver.remember(updated)
        return updated
      }

      async function loadUser(current: UserMapping): Promise<UserContext | undefined> {
        try {
          return await options.contexts.get(current)
        } catch (error) {
          context.log.warn({ err: error }, 'user context load failed')
          return undefined
        }
      }

      async function grantAndGreet(): Promise<TurnResult> {
        const granted = await store('granted')
        const user = await loadUser(granted)
        // Without MasterData we still greet, just without the vehicle line.
        return reply(texts.greeting(user ?? { displayName: granted.displayName, vehicles: [] }))
      }

      try {
        if (mapping.consent === 'granted') {
          if (answer === 'withdraw') {
            await store('denied')
            return reply(texts.consentWithdrawn())
          }
          const user = await loadUser(mapping)
          if (!user) return reply(texts.temporarilyUnavailable())
          const result = await inner(inbound, { ...context, user })
          return {
            ...result,
            personId: result.personId ?? mapping.personId,
            tenantId: result.tenantId ?? mapping.tenantId,
            displayName: result.displayName ?? mapping.displayName,
          }
        }

        if (mapping.consent === 'denied') {
          if (answer === 'yes') return await grantAndGreet()
          return reply(texts.stillDenied())
        }

        // consent 'unknown': consentAt says whether the question was already asked.
        const fromButton = inbound.replyId === CONSENT_YES_ID || inbound.replyId === CONSENT_NO_ID
        const asked = mapping.consentAt !== null || fromButton
        if (asked && answer === 'yes') return await grantAndGreet()
        if (asked && answer === 'no') {
          await store('denied')
          return reply(texts.consentDenied())
        }
        if (mapping.consentAt === null) {
          await store('unknown')
          return reply(texts.consentQuestion(mapping.displayName))
        }
        return reply(texts.consentReminder())
      } catch (error) {
        context.log.warn({ err: error }, 'consent storage failed')
        return reply(texts.temporarilyUnavailable())
      }
    }
}
