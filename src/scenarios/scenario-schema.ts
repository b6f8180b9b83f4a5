import { z } from 'zod'
import { faultRuleSchema } from '../sandbox/mobilityone/sandbox-control.ts'

/**
 * The format of `scenarios/*.yaml`: one whole conversation against the simulated tenant. Every
 * string may hold `{{...}}` templates (see `expand-scenario-template.ts`) that are resolved
 * against the seeded dataset and the scenario clock, so a scenario names facts ("the first free
 * vehicle tomorrow 8-16", "the date in 20 days") instead of copying seed-dependent values.
 */

const strings = z.array(z.string()).default([])

export const replyExpectationSchema = z
  .object({
    /** Case-insensitive substrings of the visible reply (text, button titles, list rows). */
    contains: strings,
    not_contains: strings,
    /** Case-insensitive, unicode regular expressions; template values inside are escaped. */
    regex: strings,
    not_regex: strings,
    /** The turn must produce no reply at all (rate limit drop). */
    no_reply: z.boolean().optional(),
    /** Each regex must match the title of some button of the reply. */
    buttons: z.array(z.string()).optional(),
    /** The reply offers a choice: interactive list, buttons, or a numbered text list. */
    offers_choice: z.union([z.boolean(), z.object({ min: z.number().int().min(1) })]).optional(),
  })
  .strict()
export type ReplyExpectation = z.infer<typeof replyExpectationSchema>

const expect = replyExpectationSchema.optional()

const tenantActionSchema = z
  .object({
    /** Replaces the fault rules (sandbox fault injection). */
    faults: z.array(faultRuleSchema).optional(),
    /** Clears faults and latency. */
    reset_faults: z.boolean().optional(),
    latency_ms: z.number().int().min(0).optional(),
    /** Every issued token stops working: the client must refresh once (401). */
    revoke_tokens: z.boolean().optional(),
    /** Someone else books a vehicle directly in the tenant (e.g. between choice and "Da"). */
    book: z
      .object({
        person: z.string(),
        vehicle: z.string(),
        /** Tenant-local `YYYY-MM-DDTHH:MM:SS`. */
        from: z.string(),
        to: z.string(),
      })
      .strict()
      .optional(),
  })
  .strict()
export type TenantAction = z.infer<typeof tenantActionSchema>

const countCheck = z
  .object({
    equals: z.number().int().min(0).optional(),
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
  })
  .strict()

/** A person by "First Last" as seeded (any tenant), or `user` for the scenario's sender. */
const personRef = z.string()

/** A person's items (bookings, cases, trips) compared with the start of the scenario. */
const itemCountChange = z
  .object({
    person: personRef,
    unchanged: z.boolean().optional(),
    added: z.number().int().min(0).optional(),
    removed: z.number().int().min(0).optional(),
  })
  .strict()

export const stateExpectationSchema = z.union([
  z
    .object({
      /** A booking (calendar entry, EntryType 0) that must exist or not. */
      booking: z
        .object({
          person: personRef,
          vehicle: z.string().optional(),
          from: z.string().optional(),
          to: z.string().optional(),
          description_contains: z.string().optional(),
          exists: z.boolean().default(true),
        })
        .strict(),
    })
    .strict(),
  /** Bookings of a person compared with the start of the scenario. */
  z.object({ bookings: itemCountChange }).strict(),
  z
    .object({
      mileage: z
        .object({
          vehicle: z.string(),
          equals: z.number().int().optional(),
          unchanged: z.boolean().optional(),
        })
        .strict(),
    })
    .strict(),
  z
    .object({
      /** A case raised by the person after the scenario started. */
      case: z
        .object({
          person: personRef,
          vehicle: z.string().optional(),
          subject_regex: z.string().optional(),
          message_regex: z.string().optional(),
          exists: z.boolean().default(true),
        })
        .strict(),
    })
    .strict(),
  z.object({ cases: itemCountChange }).strict(),
  z.object({ trips: itemCountChange }).strict(),
  z
    .object({
      /** Calls the sandbox counted for a route key such as `POST /vehiclemgt/VehicleCalendar`. */
      calls: countCheck.extend({ route: z.string() }).strict(),
    })
    .strict(),
  z
    .object({
      /** Feedback reports stored for the scenario's sender. */
      feedback: countCheck
        .extend({
          question_regex: z.string().optional(),
          answer_regex: z.string().optional(),
          /** Substrings no stored report may contain (personal data must be masked). */
          not_contains: z.array(z.string()).optional(),
        })
        .strict(),
    })
    .strict(),
  z.object({ consent: z.enum(['unknown', 'granted', 'denied', 'none']) }).strict(),
])
export type StateExpectation = z.infer<typeof stateExpectationSchema>

const sayStep = z.object({ say: z.string(), expect }).strict()
/** Taps a button of the previous reply, found by id or title (case-insensitive). */
const buttonStep = z.object({ button: z.string(), expect }).strict()
/** Picks a row of the previous reply's list: a 1-based index, or an id / title / description match. */
const listStep = z.object({ list: z.union([z.number().int().min(1), z.string()]), expect }).strict()
const mediaStep = z
  .object({
    media: z.enum(['image', 'audio', 'video', 'document', 'sticker', 'contact']),
    caption: z.string().optional(),
    expect,
  })
  .strict()
const locationStep = z
  .object({
    location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().optional() }).strict(),
    expect,
  })
  .strict()
/** Advances the scenario clock by this many minutes (state expiry). */
const waitStep = z.object({ wait: z.number().positive() }).strict()
const tenantStep = z.object({ tenant: tenantActionSchema }).strict()
/** State expectations in the middle of a conversation (e.g. calls made by the first message only). */
const checkStep = z.object({ check: z.array(stateExpectationSchema).min(1) }).strict()

export const scenarioStepSchema = z.union([
  sayStep,
  buttonStep,
  listStep,
  mediaStep,
  locationStep,
  waitStep,
  tenantStep,
  checkStep,
])
export type ScenarioStep = z.infer<typeof scenarioStepSchema>

export const scenarioSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case words joined by "-"'),
    description: z.string().min(1),
    /** Groups the report (read, booking, mileage, case, delete, references, errors, ...). */
    category: z.string().min(1),
    /** The sender as the channel delivers it (digits, any spelling). */
    user: z.string().min(3),
    /** Present: the scenario is listed but not run, with this reason. */
    skip: z.string().optional(),
    setup: z
      .object({
        /**
         * `granted` (default): the user is known and consented. `unknown`: known, consent not
         * asked yet. `denied`: said "Ne" earlier. `none`: a first contact (no stored mapping).
         */
        consent: z.enum(['granted', 'unknown', 'denied', 'none']).default('granted'),
        channel: z.enum(['whatsapp', 'web', 'cli']).default('whatsapp'),
        /** Extra configuration (environment names), e.g. `RATE_LIMIT_MESSAGES: "3"`. */
        config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
        faults: z.array(faultRuleSchema).default([]),
        latency_ms: z.number().int().min(0).default(0),
        /** Serve the whole catalogue generically (slower start; for generic tool reads). */
        full_catalogue: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    turns: z.array(scenarioStepSchema).min(1),
    after: z.array(stateExpectationSchema).default([]),
  })
  .strict()
export type Scenario = z.infer<typeof scenarioSchema>
