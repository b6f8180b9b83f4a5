import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testConfig } from '../../src/app/config/index.ts'
import { createOpenAiClients } from '../../src/llm/create-openai-clients.ts'
import { createOpenAiChatModel, createOpenAiEmbedder } from '../../src/llm/openai-chat-model.ts'
import { type FakeOpenAi, startFakeOpenAi } from '../../src/sandbox/fake-openai/fake-openai-server.ts'

let fake: FakeOpenAi
beforeAll(async () => {
  fake = await startFakeOpenAi()
})
afterAll(async () => {
  await fake.close()
})

describe('Azure OpenAI request shape', () => {
  it('posts to the deployment URL with api-version and the api-key header', async () => {
    const clients = createOpenAiClients(
      testConfig({
        AZURE_OPENAI_ENDPOINT: fake.url,
        AZURE_OPENAI_API_KEY: 'azure-secret',
        AZURE_OPENAI_DEPLOYMENT: 'fleet-gpt',
        AZURE_OPENAI_API_VERSION: '2024-10-21',
        AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'text-embedding-3-small',
      }),
    )
    expect(clients?.provider).toBe('azure')
    const model = createOpenAiChatModel({ client: clients!.chat, model: clients!.chatModel })
    fake.script({ content: 'Bok!' })
    const completion = await model.complete({ messages: [{ role: 'user', content: 'bok' }] })
    expect(completion.content).toBe('Bok!')
    const request = fake.requests.at(-1)!
    expect(request.path).toBe('/openai/deployments/fleet-gpt/chat/completions')
    expect(request.query.get('api-version')).toBe('2024-10-21')
    expect(request.headers['api-key']).toBe('azure-secret')
    expect(request.headers.authorization).toBeUndefined()

    const embedder = createOpenAiEmbedder(clients!.embeddings!, clients!.embeddingModel!)
    const [vector] = await embedder.embed(['kilometraža'])
    expect(fake.requests.at(-1)!.path).toBe('/openai/deployments/text-embedding-3-small/embeddings')
    expect(vector).toBeInstanceOf(Float32Array)
    const norm = Math.sqrt([...vector!].reduce((sum, value) => sum + value * value, 0))
    expect(norm).toBeCloseTo(1, 5)
  })

  it('uses a Bearer key and the base URL for OpenAI-compatible servers', async () => {
    const clients = createOpenAiClients(
      testConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${fake.url}/v1` }),
    )
    const model = createOpenAiChatModel({ client: clients!.chat, model: clients!.chatModel })
    fake.script({ content: 'ok' })
    await model.complete({ messages: [{ role: 'user', content: 'x' }] })
    const request = fake.requests.at(-1)!
    expect(request.path).toBe('/v1/chat/completions')
    expect(request.headers.authorization).toBe('Bearer sk-test')
    expect(request.body.model).toBe('gpt-4o-mini')
  })
})
