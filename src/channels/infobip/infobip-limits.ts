/** WhatsApp limits as Infobip enforces them (UPSTREAM §2.2); lengths in UTF-16 code units, the stricter count. */
export const INFOBIP_LIMITS = {
  textLength: 4096,
  interactiveBodyLength: 1024,
  buttonCount: 3,
  buttonTitleLength: 20,
  buttonIdLength: 256,
  listRowCount: 10,
  listSectionCount: 10,
  listSectionTitleLength: 24,
  listRowTitleLength: 24,
  listRowDescriptionLength: 72,
  listRowIdLength: 200,
  listButtonLabelLength: 20,
} as const
