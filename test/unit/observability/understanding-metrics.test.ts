import { Registry } from 'prom-client'
import { describe, expect, it } from 'vitest'
import { createUnderstandingMetrics } from '../../../src/observability/understanding-metrics.ts'

async function value(registry: Registry, name: string, labels: Record<string, string> = {}) {
  const metric = await registry.getSingleMetric(name)!.get()
  const match = metric.values.find((entry) =>
    Object.entries(labels).every(([key, label]) => entry.labels[key] === label),
  )
  return match?.value ?? 0
}

describe('understanding metrics', () => {
  it('counts decisions by intent, and "krivo" on confident turns as confident-and-wrong', async () => {
    const registry = new Registry()
    const metrics = createUnderstandingMetrics(registry)
    metrics.observe({ understanding: { decision: 'act', intent: 'vehicle_mileage', confidence: 0.97 } })
    metrics.observe({ understanding: { decision: 'act', intent: 'vehicle_mileage', confidence: 0.93 } })
    metrics.observe({ understanding: { decision: 'no-tool', intent: 'greeting', confidence: 0.99 } })
    metrics.observe({ understanding: { decision: 'clarify', intent: 'my_bookings', confidence: 0.6 } })
    metrics.observe({ understanding: { decision: 'fallback', intent: 'other', confidence: 0.4 } })
    // A turn the model did not read (a flow step) is not counted.
    metrics.observe({})
    // "krivo" about a confident act, about a fallback, and about a turn the model had not read.
    metrics.observe({
      understanding: { decision: 'no-tool', intent: 'complaint', confidence: 0.95 },
      flagged: { messageId: 'm1', understanding: { decision: 'act', intent: 'vehicle_mileage' } },
    })
    metrics.observe({
      flagged: { messageId: 'm2', understanding: { decision: 'fallback', intent: 'other' } },
    })
    metrics.observe({ flagged: { messageId: 'm3' } })

    const decisions = 'm1_understanding_decisions_total'
    expect(await value(registry, decisions, { decision: 'act', intent: 'vehicle_mileage' })).toBe(2)
    expect(await value(registry, decisions, { decision: 'no-tool', intent: 'greeting' })).toBe(1)
    expect(await value(registry, decisions, { decision: 'clarify' })).toBe(1)
    expect(await value(registry, decisions, { decision: 'fallback' })).toBe(1)
    expect(await value(registry, 'm1_feedback_reports_total', { decision: 'act' })).toBe(1)
    expect(await value(registry, 'm1_feedback_reports_total', { decision: 'fallback' })).toBe(1)
    expect(await value(registry, 'm1_feedback_reports_total', { decision: 'unread' })).toBe(1)
    expect(
      await value(registry, 'm1_understanding_confident_wrong_total', { intent: 'vehicle_mileage' }),
    ).toBe(1)
    expect(await value(registry, 'm1_understanding_confident_wrong_total', { intent: 'other' })).toBe(0)
    // 6 read: 1 clarify, 1 fallback; 4 confident (act, act, no-tool, no-tool), 1 confident-and-wrong.
    expect(await value(registry, 'm1_understanding_clarification_ratio')).toBeCloseTo(1 / 6)
    expect(await value(registry, 'm1_understanding_fallback_ratio')).toBeCloseTo(1 / 6)
    expect(await value(registry, 'm1_understanding_confident_wrong_ratio')).toBeCloseTo(1 / 4)
  })

  it('records retrainings and the corrections the answering model holds', async () => {
    const registry = new Registry()
    const metrics = createUnderstandingMetrics(registry)
    metrics.retrained({ result: 'swapped', seconds: 2.7 })
    metrics.retrained({ result: 'unchanged' })
    metrics.answering(3)
    expect(await value(registry, 'm1_intent_model_retrains_total', { result: 'swapped' })).toBe(1)
    expect(await value(registry, 'm1_intent_model_retrains_total', { result: 'unchanged' })).toBe(1)
    expect(await value(registry, 'm1_intent_model_operator_examples')).toBe(3)
    const text = await registry.metrics()
    expect(text).toContain('m1_intent_model_retrain_seconds_count 1')
  })
})
