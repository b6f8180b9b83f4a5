import type { Registry } from 'prom-client'

export interface LlmUsage {
  tokens: number
  costUsd: number
}

async function total(registry: Registry, name: string): Promise<number> {
  const metric = registry.getSingleMetric(name)
  if (!metric) return 0
  const data = await metric.get()
  return data.values.reduce((sum, item) => sum + item.value, 0)
}

/**
 * LLM usage is counted by the LLM path in its metrics (m1_llm_tokens_total, m1_llm_cost_usd_total),
 * not stored per turn: the overview shows this process's totals since start; Grafana has the fleet-wide view.
 */
export async function readLlmUsage(registry: Registry | undefined): Promise<LlmUsage | undefined> {
  if (!registry) return undefined
  return {
    tokens: await total(registry, 'm1_llm_tokens_total'),
    costUsd: await total(registry, 'm1_llm_cost_usd_total'),
  }
}
