import type { DeliveryReport, InboundMessage } from '../../ports/messages.ts'
import { InfobipWebhookShapeError } from './infobip-webhook-shape-error.ts'
import { isInfobipReportElement, mapInfobipDeliveryReport } from './map-infobip-delivery-report.ts'
import { isInfobipInboundElement, mapInfobipInboundMessage } from './map-infobip-inbound-message.ts'
import { isRecord } from './read-infobip-fields.ts'

export interface SkippedWebhookElement {
  /** Position in `results`. */
  index: number
  reason: string
}

export interface ParsedInfobipWebhook {
  messages: InboundMessage[]
  reports: DeliveryReport[]
  /** Elements that could not be used; the caller counts and logs them. */
  skipped: SkippedWebhookElement[]
}

export interface ParseInfobipWebhookOptions {
  /** Time used when a payload carries no timestamp. */
  now?: () => Date
}

/**
 * Parses an Infobip WhatsApp notification (UPSTREAM §2.1) into user messages and delivery/seen
 * reports.
 *
 * Policy for bad elements: a body that is not `{ results: [...] }` throws
 * InfobipWebhookShapeError (400, retrying cannot help). Inside a valid body an unusable element
 * (not an object, no messageId, no valid sender, neither message nor report) is skipped and
 * listed in `skipped`, so one bad element never costs the good ones their answer. When every
 * element of a non-empty body is unusable the body as a whole is wrong and it throws too. An
 * empty `results` list is valid and yields nothing.
 */
export function parseInfobipWebhook(
  body: unknown,
  options: ParseInfobipWebhookOptions = {},
): ParsedInfobipWebhook {
  if (!isRecord(body)) throw new InfobipWebhookShapeError(`body is ${describe(body)}, expected an object`)
  const results = body.results
  if (results === undefined) throw new InfobipWebhookShapeError('missing results')
  if (!Array.isArray(results))
    throw new InfobipWebhookShapeError(`results is ${describe(results)}, expected an array`)

  const now = (options.now ?? (() => new Date()))()
  const parsed: ParsedInfobipWebhook = { messages: [], reports: [], skipped: [] }
  results.forEach((element: unknown, index) => {
    if (!isRecord(element)) {
      parsed.skipped.push({ index, reason: `element is ${describe(element)}` })
      return
    }
    if (isInfobipInboundElement(element)) {
      const mapped = mapInfobipInboundMessage(element, now)
      if (mapped.ok) parsed.messages.push(mapped.value)
      else parsed.skipped.push({ index, reason: mapped.reason })
    } else if (isInfobipReportElement(element)) {
      const mapped = mapInfobipDeliveryReport(element, now)
      if (mapped.ok) parsed.reports.push(mapped.value)
      else parsed.skipped.push({ index, reason: mapped.reason })
    } else {
      parsed.skipped.push({ index, reason: 'element is neither a message nor a report' })
    }
  })
  if (results.length > 0 && parsed.skipped.length === results.length) {
    const first = parsed.skipped[0]
    throw new InfobipWebhookShapeError(`results[${first.index}]: ${first.reason}`)
  }
  return parsed
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (value === undefined) return 'undefined'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}
