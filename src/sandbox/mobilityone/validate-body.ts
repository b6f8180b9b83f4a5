import type { z } from 'zod'
import { SandboxProblem } from './sandbox-problem.ts'

/** Zod issues become an ASP.NET-style validation ProblemDetails naming each field. */
export function validateBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  if (body === undefined || body === null) {
    throw new SandboxProblem(
      400,
      'A non-empty JSON request body is required.',
      'One or more validation errors occurred.',
    )
  }
  const parsed = schema.safeParse(body)
  if (parsed.success) return parsed.data
  const errors: Record<string, string[]> = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join('.') : '$'
    const messages = errors[field] ?? []
    messages.push(issue.message)
    errors[field] = messages
  }
  const detail = Object.entries(errors)
    .map(([field, messages]) => `${field}: ${messages.join('; ')}`)
    .join(' | ')
  throw new SandboxProblem(400, detail, 'One or more validation errors occurred.', errors)
}
