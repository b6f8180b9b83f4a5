export type TokenCounter = (text: string) => number

/** Newer OpenAI models use o200k_base, older ones cl100k_base; the encoder loads once at start. */
export async function loadTokenCounter(model: string): Promise<TokenCounter> {
  const modern = /gpt-4o|gpt-4\.1|gpt-5|o1|o3|o4/i.test(model)
  const encoding = modern
    ? await import('gpt-tokenizer/encoding/o200k_base')
    : await import('gpt-tokenizer/encoding/cl100k_base')
  return (text) => encoding.countTokens(text)
}
