import { Counter, type Registry } from 'prom-client'

export function createLlmMetrics(registry: Registry) {
  return {
    tokens: new Counter({
      name: 'm1_llm_tokens_total',
      help: 'LLM tokens by model and kind (prompt, completion)',
      labelNames: ['model', 'kind'],
      registers: [registry],
    }),
    cost: new Counter({
      name: 'm1_llm_cost_usd_total',
      help: 'Estimated LLM cost in USD by model',
      labelNames: ['model'],
      registers: [registry],
    }),
    turns: new Counter({
      name: 'm1_llm_turns_total',
      help: 'Turns that went to the LLM, by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  }
}

export type LlmMetrics = ReturnType<typeof createLlmMetrics>
