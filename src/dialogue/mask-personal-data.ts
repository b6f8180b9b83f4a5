import { extractPlates } from '../understanding/entities/extract-plates.ts'

// Compiled once. Order matters: e-mails before digit runs, VINs before plates.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu
const PHONE = /(?<![\p{L}\p{N}])\+?\d(?:[\s/-]?\d){7,14}(?![\p{N}])/gu
const VIN = /(?<![\p{L}\p{N}])[A-HJ-NPR-Z0-9]{17}(?![\p{L}\p{N}])/giu
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi

/**
 * Masks personal data in a question or answer before it is kept for operators (feedback
 * reports): e-mails, phone numbers, VINs, plates, ids and the names given.
 */
export function maskPersonalData(text: string, names: readonly string[] = []): string {
  let masked = text
    .replace(EMAIL, '[email]')
    .replace(UUID, '[id]')
    .replace(PHONE, '[telefon]')
    .replace(VIN, '[VIN]')
  // Plates by the one plate pattern of the reader, replaced from the end so offsets hold.
  for (const plate of extractPlates(masked).reverse())
    masked = `${masked.slice(0, plate.start)}[registracija]${masked.slice(plate.end)}`
  for (const name of names) {
    for (const part of name.split(/[\s,]+/)) {
      if (part.length < 3 || !/^\p{L}+$/u.test(part)) continue
      masked = masked.split(part).join('[ime]')
    }
  }
  return masked
}
