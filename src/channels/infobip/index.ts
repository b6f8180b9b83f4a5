export {
  buildInfobipRequests,
  INFOBIP_PATHS,
  type InfobipRequest,
  type InfobipRequestPlan,
} from './build-infobip-requests.ts'
export { computeBackoffDelay } from './compute-backoff-delay.ts'
export {
  createInfobipSender,
  type InfobipSender,
  type InfobipSenderOptions,
  type SendOptions,
  type SendResult,
  type SendStatus,
} from './create-infobip-sender.ts'
export { INBOUND_MESSAGE_ID_MAX_LENGTH, inboundMessageIdProblem } from './inbound-message-id.ts'
export { INFOBIP_LIMITS } from './infobip-limits.ts'
export { InfobipWebhookShapeError, WEBHOOK_SHAPE_ERROR_CODE } from './infobip-webhook-shape-error.ts'
export { normalizeInfobipPhone } from './normalize-infobip-phone.ts'
export {
  type ParsedInfobipWebhook,
  type ParseInfobipWebhookOptions,
  parseInfobipWebhook,
  type SkippedWebhookElement,
} from './parse-infobip-webhook.ts'
export { parseRetryAfter } from './parse-retry-after.ts'
export { NUMBERED_OPTIONS_HINT, renderNumberedOptions } from './render-numbered-options.ts'
export { splitWhatsAppText } from './split-whatsapp-text.ts'
export { verifyBasicAuth } from './verify-basic-auth.ts'
export { signInfobipBody, verifyInfobipSignature } from './verify-infobip-signature.ts'
