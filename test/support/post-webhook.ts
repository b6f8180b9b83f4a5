/** Posts an Infobip-shaped body to the webhook the way Infobip does. */
export async function postWebhook(
  baseUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<number> {
  const response = await fetch(`${baseUrl}/webhook/infobip`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  await response.arrayBuffer()
  return response.status
}

/**
 * Like Infobip: a non-2xx answer or a network error means "try again later". Returns every status
 * seen, so a test can assert that 503s happened while the queue was down.
 */
export async function postWebhookUntilAccepted(
  baseUrl: string,
  body: unknown,
  options: { retryDelayMs?: number; timeoutMs?: number } = {},
): Promise<(number | 'network-error')[]> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  const statuses: (number | 'network-error')[] = []
  for (;;) {
    try {
      const status = await postWebhook(baseUrl, body)
      statuses.push(status)
      if (status === 200) return statuses
    } catch {
      statuses.push('network-error')
    }
    if (Date.now() > deadline) throw new Error(`webhook never accepted: ${statuses.join(',')}`)
    await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 100))
  }
}
