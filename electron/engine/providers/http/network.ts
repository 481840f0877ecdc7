import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { TransportContext } from '../types.ts'

// The provider-agnostic part of talking HTTP to a provider: a timeout per request, network failures
// told apart by whether the request can have reached the provider, and lenient JSON reading.
// Rate limits, auth and status codes differ per provider and stay in each provider's transport.

export const REQUEST_TIMEOUT_MS = 60_000

/** The request did not get an answer. `notSent` is true only when it certainly never reached the provider. */
export class ProviderNetworkError extends Error {
  override name = 'ProviderNetworkError'
  readonly notSent: boolean
  readonly appError: AppError

  constructor(appError: AppError, notSent: boolean) {
    super(appError.message)
    this.appError = appError
    this.notSent = notSent
  }
}

/** Errors that mean the connection was never made, so nothing was sent. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
])

/** `https://acme.example.com/x` → `acme.example.com`, for messages. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host
  } catch {
    return baseUrl
  }
}

/**
 * One fetch with a timeout. Not the job's signal: cutting off a write mid-flight would leave its
 * outcome unknown, so cancellation is checked between requests instead.
 */
export async function sendRequest(
  ctx: TransportContext,
  url: URL,
  init: RequestInit,
  providerName: string,
): Promise<Response> {
  ctx.onRequest?.()
  try {
    return await ctx.fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
  } catch (error) {
    const code = networkCode(error)
    const notSent = code !== undefined && NOT_CONNECTED.has(code)
    throw new ProviderNetworkError(
      new AppError('PROVIDER_UNAVAILABLE', unreachable(providerName, url.host, code)),
      notSent,
    )
  }
}

/** The system's error code (ECONNREFUSED…) stays as it is: it is what a support person searches for. */
function unreachable(provider: string, host: string, code: string | undefined): string {
  if (!code) return t('sending:network.unreachable', { provider, host })
  const shown = code === TIMED_OUT ? t('sending:network.timedOut') : code
  return t('sending:network.unreachableCode', { provider, host, code: shown })
}

/** The body as JSON, or null when it is empty or not JSON (error pages from proxies often are not). */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '')
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** Not a system code: our own name for a request that got no answer within REQUEST_TIMEOUT_MS. */
const TIMED_OUT = 'timed out'

function networkCode(error: unknown): string | undefined {
  if (error instanceof Error && error.name === 'TimeoutError') return TIMED_OUT
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined
  return typeof cause?.code === 'string' ? cause.code : undefined
}
