import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { pipelineTexts } from '../../../src/pipeline/pipeline-texts.ts'
import { placeholderTurnHandler } from '../../../src/pipeline/placeholder-turn-handler.ts'
import type { InboundMessage } from '../../../src/ports/messages.ts'

async function answer(text: string | undefined, kind: InboundMessage['kind'] = 'text') {
  const result = await placeholderTurnHandler(
    { messageId: 'm', from: '385991234567', receivedAt: '', kind, text, channel: 'whatsapp' },
    { turnId: 't', log: pino({ level: 'silent' }), now: new Date() },
  )
  return result.replies.map((reply) => reply.text)
}

describe('placeholder turn handler', () => {
  it('greets in Croatian and says what it will be able to do', async () => {
    expect(await answer('Bok!')).toEqual([`${pipelineTexts.greeting}\n${pipelineTexts.help}`])
    expect(await answer('dobar dan')).toEqual([`${pipelineTexts.greeting}\n${pipelineTexts.help}`])
  })

  it('answers thanks and help', async () => {
    expect(await answer('hvala puno')).toEqual([pipelineTexts.thanks])
    expect(await answer('pomoć')).toEqual([pipelineTexts.help])
    expect(await answer('Što možeš?')).toEqual([pipelineTexts.help])
    expect(await answer('trebam pomoć.')).toEqual([pipelineTexts.help])
  })

  it('says politely that it cannot do anything else yet', async () => {
    expect(await answer('rezerviraj mi auto za sutra')).toEqual([pipelineTexts.notYet])
  })

  it('asks for text when a message has none', async () => {
    expect(await answer(undefined, 'image')).toEqual([pipelineTexts.onlyText])
    expect(await answer('   ')).toEqual([pipelineTexts.onlyText])
  })
})
