// autocannon ships no types; the benchmarks use this slice of its programmatic API.
declare module 'autocannon' {
  interface Histogram {
    average: number
    mean: number
    p50: number
    p90: number
    p99: number
    max: number
  }
  interface Result {
    requests: Histogram & { total: number }
    latency: Histogram
    throughput: Histogram
    non2xx: number
    errors: number
    timeouts: number
    duration: number
    '2xx': number
  }
  interface Options {
    url: string
    method?: string
    headers?: Record<string, string>
    body?: string
    connections?: number
    pipelining?: number
    duration?: number
    idReplacement?: boolean
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
