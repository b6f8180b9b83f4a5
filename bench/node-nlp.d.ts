// The part of node-nlp (no bundled types) the understanding benchmark uses.
declare module 'node-nlp' {
  export class NlpManager {
    constructor(settings: Record<string, unknown>)
    addDocument(locale: string, utterance: string, intent: string): void
    train(): Promise<void>
    process(locale: string, utterance: string): Promise<unknown>
    export(minified?: boolean): string
  }
}
