import { LRUCache } from 'lru-cache'
import type { Clock } from '../ports/clock.ts'
import type { ConsentStore, UserMapping } from '../ports/directory.ts'
import { HELD_MESSAGE_TTL_SECONDS, type HeldMessageStore } from '../ports/held-message-store.ts'
import type { InboundMessage, Reply } from '../ports/messages.ts'
import type { TurnContext, TurnHandler, TurnResult } from '../ports/turn-handler.ts'
import type { UserContext, UserTurnHandler } from '../ports/user-context.ts'
import { CONSENT_NO_ID, CONSENT_YES_ID, identityTexts, welcomeMenu } from './identity-texts.ts'
import type { PersonResolver } from './person-resolver.ts'
import { foldAnswer, readConsentAnswer } from './read-consent-answer.ts'
import type { UserContextProvider } from './user-context-provider.ts'

export interface IdentityGateOptions {
  resolver: PersonResolver
  consentStore: ConsentStore
  contexts: UserContextProvider
  /** Defaults to the turn's `now`. */
  clock?: Clock
  texts?: typeof identityTexts
  /**
   * Keeps the request a new user sent before answering the consent question, so it is answered
   * right after "Da". Without one, such a request is dropped (the user asks again).
   */
  held?: HeldMessageStore
}

/** Greetings are not worth holding: the welcome answers them. */
const GREETINGS = new Set([
  'bok',
  'bok bok',
  'pozdrav',
  'pozdrav svima',
  'hej',
  'hey',
  'ej',
  'halo',
  'hello',
  'hi',
  'zdravo',
  'dobar dan',
  'dobro jutro',
  'dobra vecer',
  'dobro vece',
  'cao',
  'ciao',
  'pomoc',
  'help',
])
const MIN_HELD_LETTERS = 3
const LETTER = /\p{L}/gu
/** Words of a message about the consent question itself ("što to znači?", "koji podaci?"). */
const ABOUT_CONSENT = /\b(privol\w*|pristan\w*|podat\w*|podac\w*|obrad\w*|gdpr|znaci|zasto|suglasn\w*)\b/
/** Hesitations answer the question without answering it ("hm", "vidjet ću"): nothing to hold. */
const HEDGE =
  /\b(h+m+|m+h+m+|mozda|valjda|vidjet\w*|vidit\w*|vidjecu|razmisl\w*|ne znam|neznam|nisam sig\w*)\b/

const MAX_REMEMBERED_REMINDERS = 10_000

/** What the message before consent was, for wording the consent question again. */
function reminderKind(inbound: InboundMessage): 'request' | 'question' | 'unclear' {
  const text = inbound.text ?? ''
  const folded = foldAnswer(text)
  if (ABOUT_CONSENT.test(folded) || (text.includes('?') && !worthHolding(inbound))) return 'question'
  return worthHolding(inbound) ? 'request' : 'unclear'
}

/** A request worth answering after consent: not a greeting, a hesitation, a bare "?" or emoji, nor about the consent. */
function worthHolding(inbound: InboundMessage): boolean {
  if (inbound.kind !== 'text' || !inbound.text || inbound.replyId) return false
  if ((inbound.text.match(LETTER) ?? []).length < MIN_HELD_LETTERS) return false
  const folded = foldAnswer(inbound.text)
  return !GREETINGS.has(folded) && !ABOUT_CONSENT.test(folded) && !HEDGE.test(folded)
}

/**
 * Wraps the user-facing turn handler: only registered senders who consented reach `inner`.
 * Unknown numbers get the "not registered" reply, worded differently when the number writes again
 * while the resolver's negative cache still holds it (no second lookup, and two replies in a row
 * are not word for word the same); the consent question is asked once, "Ne" stops processing,
 * "povuci privolu" withdraws; granting sends the first-contact greeting,
 * followed by `inner`'s answer to the request the user sent before consenting; without one,
 * `inner` is told (`context.welcome`) that the greeting's menu is shown, so its numbers pick.
 */
export function createIdentityGate(options: IdentityGateOptions): (inner: UserTurnHandler) => TurnHandler {
  const texts = options.texts ?? identityTexts
  // The consent reminder each number got last (this process): the same one is never sent twice
  // in a row ("hm", then "ok vidjet ću"). Bounded, least recently used out first.
  const lastReminder = new LRUCache<string, string>({ max: MAX_REMEMBERED_REMINDERS })
  const remind = (phone: string, reminder: Reply): Reply => {
    const again = lastReminder.get(phone) === reminder.text ? texts.consentReminderAgain() : reminder
    lastReminder.set(phone, again.text)
    return again
  }

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
      if (resolution.status === 'invalid') return { replies: [texts.notRegistered()] }
      if (resolution.status === 'not-registered') return { replies: [texts.notRegistered(resolution.repeat)] }

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
        const request = await takeHeld()
        // Without MasterData we still greet, just without the vehicle line.
        if (!user) {
          if (request) await hold(request)
          return reply(texts.greeting({ displayName: granted.displayName, vehicles: [] }))
        }
        const greeting = texts.greeting(user, request)
        const welcomed: InboundMessage = {
          ...inbound,
          kind: 'text',
          text: request ?? '',
          replyId: undefined,
        }
        try {
          const result = await inner(welcomed, {
            ...context,
            user,
            welcome: { greeting, menu: request ? undefined : welcomeMenu(user) },
          })
          return {
            ...result,
            replies: [greeting, ...result.replies],
            personId: result.personId ?? mapping.personId,
            tenantId: result.tenantId ?? mapping.tenantId,
            displayName: result.displayName ?? mapping.displayName,
          }
        } catch (error) {
          context.log.warn({ err: error }, 'welcome turn failed')
          return reply(greeting)
        }
      }

      /** True when the message is held to be answered after consent. */
      async function hold(text: string): Promise<boolean> {
        try {
          return (await options.held?.hold(mapping.phone, { text, at: now.getTime() })) === true
        } catch (error) {
          context.log.warn({ err: error }, 'holding the message before consent failed')
          return false
        }
      }

      async function takeHeld(): Promise<string | undefined> {
        try {
          const held = await options.held?.take(mapping.phone)
          const fresh = held && now.getTime() - held.at <= HELD_MESSAGE_TTL_SECONDS * 1000
          return fresh ? held.text : undefined
        } catch (error) {
          context.log.warn({ err: error }, 'reading the message held before consent failed')
          return undefined
        }
      }

      async function dropHeld(): Promise<void> {
        try {
          await options.held?.drop(mapping.phone)
        } catch (error) {
          context.log.warn({ err: error }, 'dropping the message held before consent failed')
        }
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
          await dropHeld()
          return reply(texts.consentDenied())
        }
        // The first request before consent is kept (never processed) and answered after "Da".
        const held = answer === undefined && worthHolding(inbound) && (await hold(inbound.text!.trim()))
        if (mapping.consentAt === null) {
          await store('unknown')
          return reply(texts.consentQuestion(mapping.displayName, held))
        }
        return reply(remind(mapping.phone, texts.consentReminder(held ? 'held' : reminderKind(inbound))))
      } catch (error) {
        context.log.warn({ err: error }, 'consent storage failed')
        return reply(texts.temporarilyUnavailable())
      }
    }
}
