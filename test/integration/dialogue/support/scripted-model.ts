import type { IntentClassification } from '../../../../src/understanding/create-intent-classifier.ts'

/** A sure reading of one intent (the rest of the mass on `other`). */
export function act(intent: string, p: number): IntentClassification {
  return {
    ranking: [
      { intent, p },
      { intent: 'other', p: 1 - p },
    ],
    decision: { kind: 'act', intent, p },
  }
}

/**
 * A scripted intent model for the dialogue harness: each message's reading is fixed, so a test
 * is about what the engine does with it. Messages not in the script read as `fallback`.
 */
export function scriptedIntents(
  readings: Record<string, IntentClassification>,
  fallback: IntentClassification,
) {
  const textOf = (message: unknown) =>
    typeof message === 'string' ? message : (message as { original: string }).original
  return { classify: (message: unknown) => readings[textOf(message).trim()] ?? fallback } as never
}
