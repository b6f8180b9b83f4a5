import type { OutboundMessage } from './messages.ts'

export type DeliveryStatus = 'sent' | 'failed-permanent' | 'failed-retryable'

export interface DeliveryResult {
  status: DeliveryStatus
  httpStatus?: number
  error?: string
  /** Ids of the parts actually sent (long texts are split). */
  messageIds?: string[]
}

/** Sends one outbound message to the user's channel (Infobip, or the local dev outbox). */
export interface MessageDeliverer {
  deliver(message: OutboundMessage): Promise<DeliveryResult>
}
