import type { AppError } from '#shared/errors.ts'
import { message, type Message } from '#shared/i18n/message.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import { failRows } from '../fail-rows.ts'
import { ProviderNetworkError } from '../http/network.ts'
import type { CapillaryHttp, CapillaryResponse } from './capillary-http.ts'

// Sending one Capillary bulk request until it gets an answer. Both bulk calls Crosswalk makes are safe
// to resend: the upsert finds the customer by identifier, and the association call sets the same links
// again. So 5xx answers and broken connections are retried a few times rather than reported as unknown.

const SERVER_ATTEMPTS = 4
const SERVER_RETRY_FIRST_MS = 500

/** The advice that ends a message about a row that may or may not have been saved. */
export const safeToResend = (): Message => message('sending:capillary.safeToResend')

/** The connection kept breaking: the rows that may have arrived, and the error that stops the upload. */
export interface Lost {
  lost: RowOutcome[]
  error: AppError
}

/**
 * Sends `body` for the `rows` in it, resending after 5xx answers and broken connections. When the
 * connection keeps breaking, the rows that may have arrived are returned as failed (rows that certainly
 * never arrived are left to the caller, which records them as not sent) with the error that stops.
 */
export async function sendWithRetries(
  http: CapillaryHttp,
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
  rows: readonly { row: number }[],
): Promise<CapillaryResponse | Lost | 'cancelled'> {
  let mayHaveArrived = false
  for (let attempt = 1; ; attempt++) {
    let response: CapillaryResponse | null
    try {
      response = await http.request(method, path, body)
    } catch (error) {
      if (!(error instanceof ProviderNetworkError)) throw error
      mayHaveArrived ||= !error.notSent
      if (attempt >= SERVER_ATTEMPTS) {
        const why = message('sending:capillary.connectionKeptBreaking', { advice: safeToResend() })
        return { lost: mayHaveArrived ? failRows(rows, why) : [], error: error.appError }
      }
      if (!(await http.pause(SERVER_RETRY_FIRST_MS * 2 ** (attempt - 1)))) return 'cancelled'
      continue
    }
    if (response === null) return 'cancelled'
    if (response.status < 500 || attempt >= SERVER_ATTEMPTS) return response
    if (!(await http.pause(SERVER_RETRY_FIRST_MS * 2 ** (attempt - 1)))) return 'cancelled'
  }
}
