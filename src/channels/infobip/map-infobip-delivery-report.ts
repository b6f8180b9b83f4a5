import type { DeliveryReport } from '../../ports/messages.ts'
import type { ElementMapping } from './map-infobip-inbound-message.ts'
import {
  isRecord,
  type JsonRecord,
  readId,
  readNumber,
  readString,
  readTimestamp,
} from './read-infobip-fields.ts'

/** True when a results element is a delivery or seen report for one of our outbound messages. */
export function isInfobipReportElement(element: JsonRecord): boolean {
  return element.status !== undefined || element.seenAt !== undefined
}

/**
 * Maps a delivery or seen report. `status` is Infobip's status group in upper case
 * (PENDING, DELIVERED, UNDELIVERABLE, EXPIRED, REJECTED) or SEEN for a seen report;
 * `error` is set only when Infobip reports a real error (not NO_ERROR).
 */
export function mapInfobipDeliveryReport(element: JsonRecord, now: Date): ElementMapping<DeliveryReport> {
  const messageId = readId(element, 'messageId')
  if (!messageId) return { ok: false, reason: 'report without messageId' }
  const status = readStatus(element)
  if (!status) return { ok: false, reason: 'report without a status' }
  const at =
    readTimestamp(element, 'seenAt') ??
    readTimestamp(element, 'doneAt') ??
    readTimestamp(element, 'sentAt') ??
    now.toISOString()
  const report: DeliveryReport = { messageId, status, at }
  const error = readError(element.error)
  if (error) report.error = error
  return { ok: true, value: report }
}

function readStatus(element: JsonRecord): string | undefined {
  const status = element.status
  if (typeof status === 'string' && status.trim() !== '') return status.trim().toUpperCase()
  if (isRecord(status)) {
    const name = readString(status, 'groupName') ?? readString(status, 'name')
    if (name) return name.toUpperCase()
  }
  if (element.seenAt !== undefined && element.seenAt !== null) return 'SEEN'
  return undefined
}

function readError(error: unknown): string | undefined {
  if (typeof error === 'string') return error.trim() || undefined
  if (!isRecord(error)) return undefined
  const id = readNumber(error, 'id')
  const name = readString(error, 'name')
  if (id === 0 || name === 'NO_ERROR' || readString(error, 'groupName') === 'OK') return undefined
  const description = readString(error, 'description')
  if (name && description) return `${name}: ${description}`
  return name ?? description ?? (id !== undefined ? `error ${id}` : undefined)
}
