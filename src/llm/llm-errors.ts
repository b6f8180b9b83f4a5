/** The model could not be reached or answered with an error after retries; the turn falls back. */
export class LlmUnavailableError extends Error {
  readonly code = 'M1_ERR_LLM_UNAVAILABLE'
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** The daily budget is spent: the LLM path is off until the next day. */
export class LlmBudgetExceededError extends Error {
  readonly code = 'M1_ERR_LLM_BUDGET'
}
