import type { TurnHandler } from '../ports/turn-handler.ts'
import { pipelineTexts } from './pipeline-texts.ts'

const greeting =
  /^(bok|pozdrav|zdravo|hej|hello|hi|dobar dan|dobro jutro|dobra večer|dobra vecer|ćao|cao)\b/iu
const thanks = /\b(hvala|zahvaljujem|thanks|thank you|fala)\b/iu
// \b is ASCII-only even with /u, so it never matches next to č/ć/š: Unicode letter lookarounds instead.
const help = /(?<![\p{L}\p{N}])(pomoć|pomoc|help|upute|što možeš|sto mozes)(?![\p{L}\p{N}])/iu

/** Answers greetings, thanks and help until the dialogue engine takes over the seam. */
export const placeholderTurnHandler: TurnHandler = async (inbound) => {
  const text = inbound.text?.trim() ?? ''
  if (!text) return { replies: [{ text: pipelineTexts.onlyText }] }
  if (greeting.test(text)) return { replies: [{ text: `${pipelineTexts.greeting}\n${pipelineTexts.help}` }] }
  if (thanks.test(text)) return { replies: [{ text: pipelineTexts.thanks }] }
  if (help.test(text)) return { replies: [{ text: pipelineTexts.help }] }
  return { replies: [{ text: pipelineTexts.notYet }] }
}
