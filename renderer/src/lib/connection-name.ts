import { t } from '#shared/i18n/i18n.ts'
import type { ConnectionSummary } from '#shared/ipc/contract.ts'
import { getProvider } from '#shared/providers/registry.ts'

/**
 * A connection's name as the picker shows it. People name their own connections; the built-in Sandbox's
 * name is a sentence, said here in the current language rather than in the one the list was fetched in.
 */
export function connectionName(connection: Pick<ConnectionSummary, 'kind' | 'name' | 'providerId'>): string {
  if (connection.kind !== 'sandbox') return connection.name
  return t('provider:connection.sandboxName', { provider: getProvider(connection.providerId).displayName })
}
