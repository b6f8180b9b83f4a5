/** Infobip-shaped WhatsApp notification bodies (UPSTREAM §2.1), as the real webhook receives them. */

export interface TextMessageInput {
  messageId: string
  from: string
  text: string
}

export function infobipInboundResult(input: TextMessageInput) {
  return {
    from: input.from,
    to: '385000000000',
    integrationType: 'WHATSAPP',
    receivedAt: new Date().toISOString().replace('Z', '+0000'),
    messageId: input.messageId,
    pairedMessageId: null,
    callbackData: null,
    message: { type: 'TEXT', text: input.text },
    contact: { name: 'Test' },
    price: { pricePerMessage: 0, currency: 'EUR' },
  }
}

export function infobipTextBody(...messages: TextMessageInput[]) {
  return {
    results: messages.map(infobipInboundResult),
    messageCount: messages.length,
    pendingMessageCount: 0,
  }
}

export function infobipDeliveryReportBody(messageId: string, to: string, groupName = 'DELIVERED') {
  return {
    results: [
      {
        bulkId: null,
        price: { pricePerMessage: 0, currency: 'EUR' },
        status: { groupId: 3, groupName, id: 5, name: `${groupName}_TO_HANDSET`, description: 'x' },
        error: { groupId: 0, groupName: 'OK', id: 0, name: 'NO_ERROR', description: 'No Error' },
        messageId,
        doneAt: new Date().toISOString().replace('Z', '+0000'),
        messageCount: 1,
        sentAt: new Date().toISOString().replace('Z', '+0000'),
        to,
      },
    ],
  }
}
