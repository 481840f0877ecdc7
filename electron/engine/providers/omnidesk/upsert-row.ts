import { AppError } from '#shared/errors.ts'
import { sentence, t } from '#shared/i18n/i18n.ts'
import { message, type Message } from '#shared/i18n/message.ts'
import type { CustomerForm } from '#shared/providers/omnidesk/request.ts'
import {
  customerForm,
  OMNIDESK_PATHS,
  primaryIdOf,
  searchForm,
  spellingWarnings,
} from '#shared/providers/omnidesk/request.ts'
import type { SearchResult } from '#shared/providers/omnidesk/results.ts'
import {
  isCustomerNotFound,
  parseSearchResponse,
  refusedMessage,
} from '#shared/providers/omnidesk/results.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import { ProviderNetworkError } from '../http/network.ts'
import type { PreparedItem } from '../types.ts'
import type { OmnideskHttp, OmnideskResponse } from './omnidesk-http.ts'

// One customer, Omnidesk's way (no bulk or upsert endpoint): search by primary external ID in the
// brand, then update it if found or create it if not.
//
// Resending: searches are reads and updates set the same fields to the same values (channels are
// only added when missing), so both are repeated after a 5xx or a broken connection. A create is
// never blindly resent: after a 5xx or a broken connection the customer is searched for again, and
// only if it is certainly not there is the create sent again.

const ATTEMPTS = 4
/**
 * A search is a read, so it may be repeated longer (about 8 s of back-off in all): one row's search
 * failing a few times in a row on a flaky provider should not stop the whole upload.
 */
const SEARCH_ATTEMPTS = 6
const FIRST_BACKOFF_MS = 250

/** For a row without the Customer ID Omnidesk finds customers by (also said by the dry run). */
export const noPrimaryIdMessage = (): Message => message('sending:omnidesk.noPrimaryId')

/** Stops the whole upload; `outcome` is this row's final word when it has one. */
export class UploadStop extends Error {
  readonly reason: AppError
  readonly outcome: RowOutcome | undefined

  constructor(reason: AppError, outcome?: RowOutcome) {
    super(reason.message)
    this.reason = reason
    this.outcome = outcome
  }
}

function unknownOutcome(row: number, what: Message): RowOutcome {
  return {
    row,
    status: 'failed',
    ...sentence(message('sending:omnidesk.mayExist', { what })),
  }
}

type Sent =
  { kind: 'answer'; response: OmnideskResponse } | { kind: 'no-answer'; error: ProviderNetworkError }

async function send(
  http: OmnideskHttp,
  method: 'POST' | 'PUT',
  path: string,
  form: CustomerForm['fields'],
): Promise<Sent | null> {
  try {
    const response = await http.request(method, path, form, false)
    return response === null ? null : { kind: 'answer', response }
  } catch (error) {
    if (error instanceof ProviderNetworkError) return { kind: 'no-answer', error }
    throw error
  }
}

export class OmnideskUpserter {
  private readonly http: OmnideskHttp
  private readonly brandId: string

  constructor(http: OmnideskHttp, brandId: string) {
    this.http = http
    this.brandId = brandId
  }

  /** The row's outcome, or null when the job was cancelled before anything was written for it. */
  async upsert(item: PreparedItem): Promise<RowOutcome | null> {
    const { row, record } = item
    const primaryId = primaryIdOf(record)
    if (primaryId === undefined) {
      return { row, status: 'failed', ...sentence(noPrimaryIdMessage()) }
    }
    const search = await this.search(primaryId, true)
    if (search === null) return null
    const warnings = spellingWarnings(record)
    const done = (outcome: RowOutcome): RowOutcome =>
      warnings.length > 0 ? { ...outcome, warnings } : outcome
    if (search.found) return done(await this.update(item, search.id))
    return done(await this.create(item, primaryId))
  }

  /** `SearchByPrimaryExternalID`, repeated on 5xx and broken connections; null when cancelled. */
  async search(primaryId: string, untilCancelled: boolean): Promise<SearchResult | null> {
    let backoff = FIRST_BACKOFF_MS
    for (let attempt = 1; ; attempt++) {
      let problem: AppError
      try {
        const form = searchForm(primaryId, this.brandId)
        const response = await this.http.request(
          'POST',
          OMNIDESK_PATHS.searchByPrimaryId,
          form,
          untilCancelled,
        )
        if (response === null) return null
        if (response.status >= 200 && response.status < 300) return parseSearchResponse(response.body)
        if (response.status === 404 && isCustomerNotFound(response.body)) return { found: false }
        if (response.status < 500) throw this.searchRefused(response)
        problem = new AppError(
          'PROVIDER_UNAVAILABLE',
          t('sending:omnidesk.searchKeptFailing', { host: this.http.host, reason: response.reason }),
        )
      } catch (error) {
        if (!(error instanceof ProviderNetworkError)) throw error
        problem = error.appError
      }
      if (attempt >= SEARCH_ATTEMPTS) throw problem
      if (!(await this.http.pause(backoff, untilCancelled))) return null
      backoff *= 2
    }
  }

  private searchRefused(response: OmnideskResponse): AppError {
    const { reason } = response
    if (response.status === 404) {
      return new AppError(
        'PROVIDER_PROTOCOL',
        t('sending:omnidesk.noSearch', { host: this.http.host, reason }),
      )
    }
    return new AppError('CONNECTION_INVALID', t('sending:omnidesk.searchRefused', { reason }))
  }

  private async create(item: PreparedItem, primaryId: string): Promise<RowOutcome> {
    const form = customerForm(item.record, this.brandId, 'create')
    for (let attempt = 1; ; attempt++) {
      const sent = await send(this.http, 'POST', OMNIDESK_PATHS.create, form.fields)
      if (sent === null) throw new AppError('INTERNAL', 'a write was cancelled') // never: writes ignore cancellation
      if (sent.kind === 'answer') {
        const { status, reason } = sent.response
        if (status >= 200 && status < 300) return { row: item.row, status: 'created' }
        if (status === 400 && /already exists/i.test(reason)) {
          // Another row of this upload with the same Customer ID was created in the meantime.
          const again = await this.search(primaryId, false)
          if (again?.found) return this.update(item, again.id)
        }
        if (status === 404) throw new UploadStop(this.missingEndpoint(reason))
        if (status < 500) return this.refused(item.row, status, reason, form)
      }
      // A 5xx or no answer: the create may have been processed. Look before sending it again.
      const what =
        sent.kind === 'answer'
          ? message('sending:omnidesk.create.serverProblem', { reason: sent.response.reason })
          : message('sending:omnidesk.create.connectionBroke')
      let check: SearchResult | null
      try {
        check = await this.search(primaryId, false)
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        throw new UploadStop(
          error,
          unknownOutcome(item.row, message('sending:omnidesk.create.notChecked', { what })),
        )
      }
      if (check?.found) return { row: item.row, status: 'created', ...(check.id ? { id: check.id } : {}) }
      if (attempt >= ATTEMPTS) {
        if (sent.kind === 'no-answer')
          throw new UploadStop(sent.error.appError, {
            row: item.row,
            status: 'failed',
            ...sentence(message('sending:omnidesk.create.notCreated', { what })),
          })
        return {
          row: item.row,
          status: 'failed',
          ...sentence(message('sending:omnidesk.create.notCreatedRepeatedly', { what })),
        }
      }
      await this.http.pause(FIRST_BACKOFF_MS * 2 ** (attempt - 1), false)
    }
  }

  private async update(item: PreparedItem, id: string | undefined): Promise<RowOutcome> {
    const form = customerForm(item.record, this.brandId, 'update')
    const updated: RowOutcome = { row: item.row, status: 'updated', ...(id ? { id } : {}) }
    for (let attempt = 1; ; attempt++) {
      const sent = await send(this.http, 'PUT', OMNIDESK_PATHS.update, form.fields)
      if (sent === null) throw new AppError('INTERNAL', 'a write was cancelled') // never: writes ignore cancellation
      let what: Message
      if (sent.kind === 'answer') {
        const { status, reason } = sent.response
        if (status >= 200 && status < 300) return updated
        if (status === 404 && isCustomerNotFound(sent.response.body)) {
          return {
            row: item.row,
            status: 'failed',
            ...sentence(message('sending:omnidesk.update.vanished', { reason })),
          }
        }
        if (status === 404) throw new UploadStop(this.missingEndpoint(reason))
        if (status < 500) return this.refused(item.row, status, reason, form)
        what = message('sending:omnidesk.update.serverProblem', { reason })
      } else {
        if (attempt >= ATTEMPTS) {
          throw new UploadStop(sent.error.appError, {
            row: item.row,
            status: 'failed',
            ...sentence(message('sending:omnidesk.update.connectionKeptBreaking')),
          })
        }
        what = message('sending:omnidesk.update.connectionBroke')
      }
      if (attempt >= ATTEMPTS) {
        return {
          row: item.row,
          status: 'failed',
          ...sentence(message('sending:omnidesk.update.notUpdatedRepeatedly', { what })),
        }
      }
      await this.http.pause(FIRST_BACKOFF_MS * 2 ** (attempt - 1), false)
    }
  }

  private refused(row: number, status: number, reason: string, form: CustomerForm): RowOutcome {
    if (status === 413) {
      return {
        row,
        status: 'failed',
        ...sentence(message('sending:omnidesk.tooLarge')),
      }
    }
    return { row, status: 'failed', message: refusedMessage(reason, form.channelKeys) }
  }

  private missingEndpoint(reason: string): AppError {
    return new AppError(
      'PROVIDER_PROTOCOL',
      t('sending:omnidesk.noWriteApi', { host: this.http.host, reason }),
    )
  }
}
