/** Stable code the webhook route maps to 400; tests assert the code, not the message. */
export const WEBHOOK_SHAPE_ERROR_CODE = 'M1_ERR_WEBHOOK_SHAPE'

/** The webhook body as a whole is not an Infobip notification; retrying it cannot help. */
export class InfobipWebhookShapeError extends Error {
  readonly code = WEBHOOK_SHAPE_ERROR_CODE
  /** Short, log- and response-safe reason (never contains message text). */
  readonly reason: string

  constructor(reason: string) {
    super(`Invalid Infobip webhook body: ${reason}`)
    this.name = 'InfobipWebhookShapeError'
    this.reason = reason
  }
}
