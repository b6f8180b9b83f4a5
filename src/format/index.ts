/** WhatsApp answer formatting: pure functions, Croatian conventions, Infobip limits. */
export { croatianPlural } from './croatian-plural.ts'
export { formatDate, formatDateTime, formatPeriod, formatTime } from './format-date.ts'
export { formatNumberedList } from './format-list.ts'
export { type FormatNumberOptions, formatKilometers, formatMoney, formatNumber } from './format-number.ts'
export {
  buildButtonReply,
  buildListReply,
  buildNumberedTextReply,
  type ChoiceOption,
  type ChoiceReplyOptions,
} from './interactive-reply.ts'
export { NOT_AVAILABLE, orNotAvailable } from './not-available.ts'
export { type AddListOptions, moreLine, ReplyTextBuilder } from './reply-text-builder.ts'
export { shortenText } from './shorten-text.ts'
export { splitMessage } from './split-message.ts'
export { MAX_LIST_ITEMS, WHATSAPP_LIMITS } from './whatsapp-limits.ts'
export { bold, formatField, italic } from './whatsapp-markup.ts'
