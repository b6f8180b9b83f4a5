import type { OutboundMessage } from './messages.ts'

export type DeliveryStatus = 'sent' | 'failed-permanent' | 'failed-retryable'

export interface DeliveryResult {
  status: DeliveryStatus
  httpStatus?: number
  error?: string
  /** Ids of the parts actually sent (long texts are split). */
  messageIds?: string[]
}

export interface DeliverOptions {
  /** Parts an earlier attempt already delivered: not sent again. */
  skipMessageIds?: ReadonlySet<string>
}

/** Sends one outbound message to the user's channel (Infobip, or the local dev outbox). */
export interface MessageDeliverer {
  deliver(message: OutboundMessage, options?: DeliverOptions): Promise<DeliveryResult>
}
