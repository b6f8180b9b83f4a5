import { z } from 'zod'

/** Empty strings in the environment mean "unset", as in most deployment tools. */
export const optionalString = () =>
  z.preprocess((value) => (value === '' ? undefined : value), z.string().optional())

export const optionalUrl = () =>
  z.preprocess((value) => (value === '' ? undefined : value), z.url().optional())

export const booleanFlag = (fallback: boolean) =>
  z.preprocess((value) => (value === '' || value === undefined ? String(fallback) : value), z.stringbool())

export const integer = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    (value) => (value === '' || value === undefined ? fallback : value),
    z.coerce.number().int().min(min).max(max),
  )
