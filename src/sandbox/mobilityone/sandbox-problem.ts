/**
 * An error the sandbox answers with an RFC 7807 ProblemDetails body, the shape the real
 * ASP.NET services use (`{type, title, status, detail}`).
 */
export class SandboxProblem extends Error {
  readonly status: number
  readonly title: string
  /** ASP.NET validation problems also carry `errors: {Field: [messages]}`. */
  readonly errors?: Record<string, string[]>

  constructor(
    status: number,
    detail: string,
    title = STATUS_TITLES[status] ?? 'Error',
    errors?: Record<string, string[]>,
  ) {
    super(detail)
    this.status = status
    this.title = title
    this.errors = errors
  }

  toBody(instance?: string): ProblemDetails {
    const body = problemDetails(this.status, this.message, this.title, instance)
    return this.errors ? { ...body, errors: this.errors } : body
  }
}

export interface ProblemDetails {
  type: string
  title: string
  status: number
  detail: string
  instance?: string
  errors?: Record<string, string[]>
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

const TYPE_LINKS: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
  403: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
  409: 'https://tools.ietf.org/html/rfc9110#section-15.5.10',
  429: 'https://tools.ietf.org/html/rfc6585#section-4',
  500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
}

export function problemDetails(
  status: number,
  detail: string,
  title?: string,
  instance?: string,
): ProblemDetails {
  return {
    type: TYPE_LINKS[status] ?? 'about:blank',
    title: title ?? STATUS_TITLES[status] ?? 'Error',
    status,
    detail,
    ...(instance ? { instance } : {}),
  }
}

export const badRequest = (detail: string) => new SandboxProblem(400, detail)
export const notFound = (detail: string) => new SandboxProblem(404, detail)
