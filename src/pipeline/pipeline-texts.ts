import { croatianPlural } from '../format/croatian-plural.ts'
import { formatTime } from '../format/format-date.ts'

const minuteMs = 60_000

/** "za 37 sekundi", "za 1 minutu (u 14:05)": when a rate-limited user may write again. */
export function whenAgain(waitMs: number, resetAt: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000))
  if (seconds <= 90) return `za ${seconds} ${croatianPlural(seconds, 'sekundu', 'sekunde', 'sekundi')}`
  const minutes = Math.ceil(waitMs / minuteMs)
  // The clock time is rounded up, so it is never before the window ends.
  const at = formatTime(new Date(Math.ceil(resetAt / minuteMs) * minuteMs))
  return `za ${minutes} ${croatianPlural(minutes, 'minutu', 'minute', 'minuta')} (u ${at})`
}

/** Croatian replies of the pipeline itself (not of the dialogue). */
export const pipelineTexts = {
  /** The one reply when a phone first goes over the rate limit; later messages of the window get none. */
  slowDown: (waitMs: number, resetAt: number) =>
    `Šaljete poruke prebrzo, pričekajte malo. Možete ponovno pisati ${whenAgain(waitMs, resetAt)}; poruke poslane prije toga neću obraditi. 🙏`,
  greeting: 'Pozdrav! 👋 Ja sam AI asistent za vozni park MobilityOne.',
  thanks: 'Nema na čemu! Tu sam ako zatrebate još nešto.',
  help: 'Mogu vam pomoći s podacima o vašem vozilu, rezervacijama, unosom kilometraže i prijavom štete.',
  notYet: 'Nažalost, to još ne znam napraviti. Uskoro ću moći više. Napišite *pomoć* za popis mogućnosti.',
  onlyText: 'Za sada čitam samo tekstualne poruke. Molim vas, napišite što trebate.',
} as const
