import type { Message } from '#shared/i18n/message.ts'
import type { DryRunStatus } from '#shared/jobs.ts'
import type { ConnectionTarget, PreparedItem, TransportContext } from '../../providers/types.ts'
import { failRows } from '../../providers/fail-rows.ts'

/** What a dry run says of one source row. */
export interface DryRunOutcome {
  row: number
  status: DryRunStatus
  message?: string
  /** `message` kept as a message (RowOutcome.said). */
  said?: Message
  warnings?: string[]
}

/** Part of a page's plan: the rows it settles and the write requests the real upload would make for them. */
export interface DryRunStep {
  outcomes: DryRunOutcome[]
  requests: number
}

/** A read-only request a provider's dry run may make; anything else is refused before it leaves. */
export interface ReadRequest {
  method: string
  path: string
}

/**
 * One provider's dry run: the same preparation its transport does before writing (request bodies,
 * batch planning by count and bytes, rows too large, and the transport's own read-only lookups),
 * stopping where the transport would send a write.
 */
export interface DryRunPlanner {
  /** Whether its lookups tell a create from an update; if not, rows it would send are `wouldSend`. */
  readonly tellsCreateFromUpdate: boolean
  /** The reads its lookups make: GETs always, plus e.g. a search that is a POST. */
  isRead(request: ReadRequest): boolean
  /**
   * Plans one page of rows. `created` holds the keys (External ID, identifier…) of rows this dry run
   * already found would be created, so a later row of the file with the same key would be an update,
   * as it is in a real upload. Ends early (without outcomes for the rest) when the job is cancelled.
   */
  plan(
    items: readonly PreparedItem[],
    target: ConnectionTarget,
    ctx: TransportContext,
    created: Set<string>,
  ): AsyncIterable<DryRunStep>
}

export const onlyGets = ({ method }: ReadRequest): boolean => method === 'GET' || method === 'HEAD'

/** Rows that no request could carry, failed with the transport's own reason. */
export function failed(rows: readonly { row: number }[], why: Message): DryRunStep {
  return { outcomes: failRows(rows, why), requests: 0 }
}

/** One planned request's rows, each with what it would do. */
export function wouldSend(
  rows: readonly { row: number }[],
  status: 'wouldCreate' | 'wouldUpdate' | 'wouldSend',
  requests = 1,
): DryRunStep {
  return { outcomes: rows.map(({ row }) => ({ row, status })), requests }
}
