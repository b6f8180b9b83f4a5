import type { HttpMethod } from '../../registry/tool.ts'
import { confirmationText } from './common-texts.ts'

const WRITE_ACTIONS: Readonly<Record<HttpMethod, string>> = {
  get: 'Upit',
  post: 'Novi unos',
  put: 'Izmjena',
  patch: 'Izmjena',
  delete: 'Brisanje',
}

/** Texts of the generic tool flows (Croatian). */
export const genericTexts = {
  askParameter: (label: string, hint: string | undefined, options: string | undefined) =>
    `Trebam još podatak: *${label}*${hint ? ` (${hint})` : ''}.${options ? ` Moguće vrijednosti: ${options}.` : ''} Upišite vrijednost:`,
  chooseParameter: (label: string) => `Odaberite: *${label}*`,
  badNumber: (label: string) => `Za *${label}* trebam broj. Upišite ga ponovno:`,
  summary: (title: string, lines: string[]) => confirmationText(title, lines),
  done: 'Gotovo ✅',
  empty: 'Nema podataka za prikaz.',
  /** Heading of a read: the Croatian name of what was read, or the API's name after "Rezultat". */
  readTitle: (label: string | undefined, entity: string) => label ?? `Rezultat: ${entity}`,
  /** Heading of a write confirmation: what kind of change, and to what. */
  writeTitle: (method: HttpMethod, label: string | undefined, entity: string) =>
    `${WRITE_ACTIONS[method]}: ${label ?? entity}`,
}
