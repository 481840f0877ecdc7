import { isAppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { sourceOf } from '#shared/providers/capillary/request.ts'
import { codesOf, describeCode } from '#shared/providers/capillary/results.ts'
import { ProviderNetworkError } from '../http/network.ts'
import type { ConnectionCheck, ConnectionTarget, TransportContext } from '../types.ts'
import { CapillaryHttp } from './capillary-http.ts'

// Looks up a customer that cannot exist (`GET /v2/customers/lookup/customerDetails`): a read that
// changes nothing and proves the cluster, the credentials and the source in one request. "Customer
// not found" (8015) is the expected, good answer.

/** Codes that mean the lookup ran and simply found nobody. */
const NOT_FOUND = new Set([8015, 8065, 8009])
const PROBE_ID = 'crosswalk-connection-test'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export async function testCapillaryConnection(
  target: ConnectionTarget,
  ctx: TransportContext,
): Promise<ConnectionCheck> {
  const http = new CapillaryHttp(target, ctx)
  const { source, accountId } = sourceOf(target.settings)
  const query = new URLSearchParams({ source, identifierName: 'externalId', identifierValue: PROBE_ID })
  if (accountId !== '') query.set('accountId', accountId)
  const { host } = http
  const connected = () => t('sending:capillary.test.connected', { host, source })
  try {
    const response = await http.request('GET', `/v2/customers/lookup/customerDetails?${query}`, undefined)
    if (response === null) return { ok: false, message: t('sending:test.cancelled') }
    if (response.status === 200) return { ok: true, message: connected() }
    const codes = codesOf(isObject(response.body) ? response.body['errors'] : undefined)
    if (codes.length > 0 && codes.every((entry) => NOT_FOUND.has(entry.code))) {
      return { ok: true, message: connected() }
    }
    if (codes.length > 0) {
      const answered = codes.map(describeCode).join('; ')
      return { ok: false, message: t('sending:capillary.test.codes', { codes: answered }) }
    }
    const { reason } = response
    if (response.status === 404) {
      return { ok: false, message: t('sending:capillary.test.notCapillary', { host, reason }) }
    }
    return { ok: false, message: t('sending:capillary.test.answered', { reason }) }
  } catch (error) {
    if (error instanceof ProviderNetworkError) return { ok: false, message: error.appError.message }
    if (isAppError(error)) return { ok: false, message: error.message }
    throw error
  }
}
