import { isAppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { matchByOf } from '#shared/providers/propeller/connection.ts'
import { hostOf } from '../http/network.ts'
import type { ConnectionCheck, ConnectionTarget, TransportContext } from '../types.ts'
import { AccessTokenSource } from './access-token.ts'

// "Test connection" asks Propeller for an access token with the client id and secret: that proves the
// host answers, the API key exists, is switched on and the secret matches, and it changes nothing.
// It cannot prove the key's write scopes: the only customer call Crosswalk makes is the bulk write,
// and a test must not write. A missing scope shows as PROVIDER_AUTH on the first upload.

export async function testPropellerConnection(
  target: ConnectionTarget,
  ctx: TransportContext,
): Promise<ConnectionCheck> {
  const source = (target.settings['source'] ?? '').trim()
  if (source === '') {
    return { ok: false, message: t('sending:propeller.test.noSource') }
  }
  try {
    await new AccessTokenSource(target, ctx).get()
    const host = hostOf(target.baseUrl)
    return {
      ok: true,
      message:
        matchByOf(target.settings) === 'id'
          ? t('sending:propeller.test.connectedById', { host })
          : t('sending:propeller.test.connectedBySource', { host, source }),
    }
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.message }
    throw error
  }
}
