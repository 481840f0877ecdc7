import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { KustomerCustomer } from '#shared/providers/kustomer/request.ts'
import {
  parseCustomerPage,
  parseFoundCustomer,
  type FoundCustomer,
} from '#shared/providers/kustomer/results.ts'
import { ProviderNetworkError } from '../http/network.ts'
import { read, type ReadOptions } from './follow-bulk-job.ts'
import type { KustomerHttp } from './kustomer-http.ts'

// Kustomer has no upsert, so before anything is written each row is looked up: by its External ID,
// or by its email when it has none (a row with an External ID is that customer, whatever its email).
// Kustomer documents one lookup per value (`GET /v1/customers/externalId={id}` and `/email={email}`,
// providers.md) and no lookup that takes many values; its search endpoint is limited to 100
// requests a minute for API keys. Two ways to answer, whichever costs fewer requests of the org's
// rate limit:
// - list the org's customers, 100 a page, while that can cost at most a tenth of the lookups (an org
//   with fewer than 10 customers per row — a first import above all — is read in full this way);
// - otherwise one lookup per distinct value, a few at a time.

const PAGE_SIZE = 100
const LIST_READ: ReadOptions = {
  failure: (host, reason) => t('sending:kustomer.read.listCustomers', { host, reason }),
  notFoundIsTemporary: false,
}
const CONCURRENT_LOOKUPS = 4
const MAX_ATTEMPTS = 4

export type LookupKey = { kind: 'externalId' | 'email'; value: string }

/** What a row is looked up by; emails are compared without regard to case. */
export function lookupKeyOf(customer: KustomerCustomer): LookupKey | null {
  if (customer.externalId) return { kind: 'externalId', value: customer.externalId }
  const email = customer.emails?.[0]?.email
  return email ? { kind: 'email', value: email.toLowerCase() } : null
}

const keyText = (key: LookupKey) => `${key.kind}:${key.value}`

/**
 * The Kustomer customer each row already is, by `_clientRef` (rows with no match are absent), or
 * null when the job was cancelled (nothing has been written then).
 */
export async function findExisting(
  http: KustomerHttp,
  customers: readonly KustomerCustomer[],
): Promise<Map<string, FoundCustomer> | null> {
  const keys = new Map<string, LookupKey>()
  for (const customer of customers) {
    const key = lookupKeyOf(customer)
    if (key) keys.set(keyText(key), key)
  }
  if (keys.size === 0) return new Map()
  const matches =
    (await listAll(http, Math.ceil(keys.size / 10))) ?? (await lookUpEach(http, [...keys.values()]))
  if (matches === null) return null
  const byRef = new Map<string, FoundCustomer>()
  for (const customer of customers) {
    const key = lookupKeyOf(customer)
    const found = key ? matches.get(keyText(key)) : undefined
    if (found) byRef.set(customer._clientRef, found)
  }
  return byRef
}

/**
 * Every customer of the org indexed by External ID and email, or null when the org has more than
 * `maxPages` pages (or the job was cancelled). With several customers on one email, the first listed wins.
 */
async function listAll(http: KustomerHttp, maxPages: number): Promise<Map<string, FoundCustomer> | null> {
  const index = new Map<string, FoundCustomer>()
  for (let page = 1; page <= maxPages; page++) {
    if (http.cancelled) return null
    const path = `/v1/customers?page=${page}&pageSize=${PAGE_SIZE}`
    const { customers, linksNext } = parseCustomerPage(await read(http, path, LIST_READ))
    for (const customer of customers) {
      if (customer.externalId)
        index.set(keyText({ kind: 'externalId', value: customer.externalId }), customer)
      for (const email of customer.emails) {
        const key = keyText({ kind: 'email', value: email })
        if (!index.has(key)) index.set(key, customer)
      }
    }
    // The last page: empty, or short with no link onwards (a short page that links on means Kustomer
    // caps the page size lower than asked, and the list goes on).
    if (customers.length === 0 || (customers.length < PAGE_SIZE && !linksNext)) return index
  }
  return null
}

/** One lookup per key, `CONCURRENT_LOOKUPS` at a time; null when the job was cancelled. */
async function lookUpEach(
  http: KustomerHttp,
  keys: readonly LookupKey[],
): Promise<Map<string, FoundCustomer> | null> {
  const found = new Map<string, FoundCustomer>()
  const queue = [...keys]
  const worker = async () => {
    for (let key = queue.shift(); key !== undefined && !http.cancelled; key = queue.shift()) {
      const customer = await lookUp(http, key)
      if (customer) found.set(keyText(key), customer)
    }
  }
  await Promise.all(Array.from({ length: CONCURRENT_LOOKUPS }, worker))
  return http.cancelled ? null : found
}

/**
 * External ID → the Kustomer customer with it, for creates Kustomer refused as duplicates; null when
 * the job was cancelled.
 */
export async function findByExternalId(
  http: KustomerHttp,
  externalIds: readonly string[],
): Promise<Map<string, FoundCustomer> | null> {
  const keys = [...new Set(externalIds)].map((value): LookupKey => ({ kind: 'externalId', value }))
  const found = await lookUpEach(http, keys)
  if (found === null) return null
  return new Map([...found].map(([key, customer]) => [key.slice('externalId:'.length), customer]))
}

/** One lookup: a read, so it is repeated on network errors and 5xx; 404 means "no such customer". */
async function lookUp(http: KustomerHttp, key: LookupKey): Promise<FoundCustomer | null> {
  let delay = 250
  for (let attempt = 1; ; attempt++) {
    let problem: AppError
    try {
      const path = `/v1/customers/${key.kind}=${encodeURIComponent(key.value)}`
      const response = await http.request('GET', path, undefined, false)
      if (response === null) throw new AppError('INTERNAL', 'a lookup was cancelled') // never: reads ignore cancellation
      if (response.status === 200) return parseFoundCustomer(response.body)
      if (response.status === 404) return null
      const values = { host: http.host, value: key.value, reason: response.reason }
      problem = new AppError(
        'PROVIDER_UNAVAILABLE',
        key.kind === 'externalId'
          ? t('sending:kustomer.lookup.byExternalId', values)
          : t('sending:kustomer.lookup.byEmail', values),
      )
      if (response.status < 500) throw problem
    } catch (error) {
      if (!(error instanceof ProviderNetworkError)) throw error
      problem = error.appError
    }
    if (attempt >= MAX_ATTEMPTS) throw problem
    await http.pause(delay, false)
    delay *= 2
  }
}
