/** Infobip WhatsApp limits (characters) for text and interactive messages. */
export const WHATSAPP_LIMITS = {
  text: 4096,
  interactiveBody: 1024,
  buttonCount: 3,
  buttonTitle: 20,
  buttonId: 256,
  listRows: 10,
  listRowTitle: 24,
  listRowDescription: 72,
  listRowId: 200,
  listButtonLabel: 20,
  listSectionTitle: 24,
} as const

/** Lists shown to users have at most this many items, then "…i još N". */
export const MAX_LIST_ITEMS = 10
