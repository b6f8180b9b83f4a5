import type { DevOutbox } from '../ports/dev-outbox.ts'
import type { MessageDeliverer } from '../ports/message-deliverer.ts'

/** Local runs without Infobip credentials: replies land in the dev outbox the chat page reads. */
export function createDevOutboxDeliverer(outbox: DevOutbox): MessageDeliverer {
  return {
    async deliver(message) {
      await outbox.add({
        to: message.to,
        text: message.text,
        messageId: message.messageId,
        inReplyTo: message.inReplyTo,
        at: new Date().toISOString(),
        buttons: message.buttons,
        list: message.list,
        meta: message.meta,
      })
      return { status: 'sent', messageIds: [message.messageId] }
    },
  }
}
