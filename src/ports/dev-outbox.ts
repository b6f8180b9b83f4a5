import type { OutboundMessage } from './messages.ts'

export interface DevOutboxMessage {
  to: string
  text: string
  messageId: string
  inReplyTo: string
  at: string
  buttons?: OutboundMessage['buttons']
  list?: OutboundMessage['list']
  meta?: Record<string, unknown>
}

/** Where replies go in local runs without Infobip credentials; bounded per phone. */
export interface DevOutbox {
  add(message: DevOutboxMessage): Promise<void>
  list(phone: string, limit: number): Promise<DevOutboxMessage[]>
  forget(phone: string): Promise<void>
}
