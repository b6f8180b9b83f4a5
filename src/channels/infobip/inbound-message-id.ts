/**
 * Our reply ids derive from the inbound id (`<id>.r<n>`, split parts `-p<n>`) and Infobip takes
 * message ids of at most 200 characters: 160 leaves room for both suffixes. The characters are those
 * WhatsApp and Infobip ids use (UUIDs, `wamid.` base64); anything else is not an id we can echo back.
 */
export const INBOUND_MESSAGE_ID_MAX_LENGTH = 160
const idPattern = /^[A-Za-z0-9._:=+/@-]+$/

/** Why an inbound id is unusable, or undefined when it is fine. */
export function inboundMessageIdProblem(id: string): string | undefined {
  if (id.length > INBOUND_MESSAGE_ID_MAX_LENGTH) {
    return `messageId longer than ${INBOUND_MESSAGE_ID_MAX_LENGTH} characters`
  }
  if (!idPattern.test(id)) return 'messageId has characters other than letters, digits and ._:=+/@-'
  return undefined
}
