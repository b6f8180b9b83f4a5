const COMBINING_MARKS = /\p{M}+/gu
const D_STROKE = /đ/g

/** Lower-case and remove diacritics, so `Kilometražu` and `kilometrazu` read the same. */
export function foldDiacritics(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').replace(D_STROKE, 'd')
}
