/**
 * Vehicle identification numbers: 17 characters of digits and letters except I, O and Q, with
 * at least one digit and one letter (so a long word is never a VIN). Returned uppercase.
 */
const VIN = /(?<![\p{L}\p{N}])([A-HJ-NPR-Z0-9]{17})(?![\p{L}\p{N}])/giu
const HAS_DIGIT = /\d/
const HAS_LETTER = /[A-Z]/i

export function extractVins(text: string): string[] {
  const vins: string[] = []
  VIN.lastIndex = 0
  for (let match = VIN.exec(text); match !== null; match = VIN.exec(text)) {
    const candidate = match[1]
    if (HAS_DIGIT.test(candidate) && HAS_LETTER.test(candidate)) vins.push(candidate.toUpperCase())
  }
  return vins
}
