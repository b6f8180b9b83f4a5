/** Every Redis key and stream name in one place. */
export function redisKeys(prefix: string) {
  return {
    inbound: (partition: number) => `${prefix}:in:${partition}`,
    lease: (partition: number) => `${prefix}:lease:${partition}`,
    fence: (partition: number) => `${prefix}:fence:${partition}`,
    attempts: (partition: number) => `${prefix}:attempts:${partition}`,
    workers: `${prefix}:workers`,
    outbound: `${prefix}:out`,
    senderLease: `${prefix}:out:sender`,
    deadLetter: `${prefix}:dlq`,
    dedupe: (messageId: string) => `${prefix}:dedupe:${messageId}`,
    sent: (messageId: string) => `${prefix}:sent:${messageId}`,
    rate: (phone: string, window: number) => `${prefix}:rate:${phone}:${window}`,
    devOutbox: (phone: string) => `${prefix}:devout:${phone}`,
    token: `${prefix}:fleet-token`,
    inboundGroup: 'workers',
    outboundGroup: 'senders',
  }
}

export type RedisKeys = ReturnType<typeof redisKeys>
