/** Thrown by a turn that can never succeed (malformed entry): dead-lettered at once, no retries. */
export class UnrecoverableMessageError extends Error {
  readonly code = 'M1_ERR_UNRECOVERABLE_MESSAGE'
}
