/** Texts of the generic tool flows (Croatian). */
export const genericTexts = {
  askParameter: (label: string, hint: string | undefined, options: string | undefined) =>
    `Trebam još podatak: *${label}*${hint ? ` (${hint})` : ''}.${options ? ` Moguće vrijednosti: ${options}.` : ''} Upišite vrijednost:`,
  chooseParameter: (label: string) => `Odaberite: *${label}*`,
  badNumber: (label: string) => `Za *${label}* trebam broj. Upišite ga ponovno:`,
  summary: (title: string, lines: string[]) =>
    [`*${title}*`, ...lines, '', 'Potvrđujete? (Da/Ne)'].join('\n'),
  done: 'Gotovo ✅',
  empty: 'Nema podataka za prikaz.',
  resultTitle: (title: string) => `*${title}*`,
}
