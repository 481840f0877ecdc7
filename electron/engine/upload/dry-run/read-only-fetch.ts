import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { ReadRequest } from './types.ts'

/**
 * The fetch a dry run's lookups go through: reads pass (and are counted), and anything else is
 * refused before it leaves this computer. The planners never build a write; this makes sure of it.
 */
export function readOnlyFetch(
  fetch: typeof globalThis.fetch,
  isRead: (request: ReadRequest) => boolean,
  seen: { onRead(): void; onRefused(error: AppError): void },
): typeof globalThis.fetch {
  return (input, init) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase()
    const url = new URL(input instanceof Request ? input.url : String(input))
    if (!isRead({ method, path: url.pathname })) {
      const error = new AppError('INTERNAL', t('engine:dryRun.writeStopped', { method, path: url.pathname }))
      // Told to the runner too: the transport's HTTP layer would report it as a network error.
      seen.onRefused(error)
      return Promise.reject(error)
    }
    seen.onRead()
    return fetch(input, init)
  }
}
