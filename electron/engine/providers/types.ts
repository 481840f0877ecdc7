import type { ConnectionSettings, MappedRecord, RowOutcome } from '../../../shared/providers/types.ts'

// The I/O half of a provider: how its requests travel. The pure half (schema, request builder,
// response parser) lives in shared/providers/<id>/.

/** One source row ready to send. */
export interface PreparedItem {
  row: number
  record: MappedRecord
}

/** Where and as whom to send. Secrets stay in the engine: never sent to the renderer or logged. */
export interface ConnectionTarget {
  baseUrl: string
  /** The non-secret fields of the provider's connection form (region, brand id, source…). */
  settings: ConnectionSettings
  /** The secret fields of the connection form (API keys, passwords, client secrets). */
  secrets: ConnectionSettings
}

export interface TransportContext {
  signal: AbortSignal
  fetch: typeof globalThis.fetch
  /** Waits, but resolves early (and the caller checks `signal`) when the job is cancelled. */
  sleep(ms: number, signal: AbortSignal): Promise<void>
  /** Called once per HTTP request, for rate and progress accounting. */
  onRequest?(): void
}

/** What "Test connection" found, in words for the person who filled in the form. */
export type ConnectionCheck = { ok: true; message: string } | { ok: false; message: string }

export interface ProviderTransport {
  /**
   * Sends the items (in provider-sized requests) and yields the outcomes of each request as it
   * finishes. Every item ends in exactly one outcome with the same `row`.
   */
  upload(
    items: readonly PreparedItem[],
    target: ConnectionTarget,
    ctx: TransportContext,
  ): AsyncIterable<RowOutcome[]>
  /**
   * Makes one real authenticated read (changing nothing) and says whether the connection works, or
   * why not: wrong key, wrong region or host, missing permission, unreachable.
   */
  testConnection(target: ConnectionTarget, ctx: TransportContext): Promise<ConnectionCheck>
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string
  /** Connection settings and secrets the sandbox accepts, so "Sandbox" works without any set-up. */
  settings: ConnectionSettings
  secrets: ConnectionSettings
  /** How many customers the sandbox holds now (its server-side state, for tests and the CLI). */
  customerCount(): number
  close(): Promise<void>
}

/**
 * Misbehaviour a sandbox can be asked for, so tests (and curious users) see how an upload copes.
 * Rates are probabilities per request, 0..1.
 */
export interface SandboxFaults {
  /** Added to every response. */
  latencyMs?: number
  /** Answer with the provider's own 5xx error (the request is not processed). */
  serverErrorRate?: number
  /** Answer with the provider's own rate-limit response (the request is not processed). */
  rateLimitRate?: number
  /** Close the connection without an answer; `afterProcessing` requests are processed first. */
  dropRate?: number
  /** Whether dropped requests were processed before the drop (the client cannot tell). */
  dropAfterProcessing?: boolean
  /** How long an async job takes to finish, where the provider has async jobs. */
  jobDelayMs?: number
}

export interface SandboxOptions {
  /** 0 = random free port. */
  port?: number
  /** Fixed credentials instead of random ones (the sandbox CLI and tests). */
  secrets?: ConnectionSettings
  faults?: SandboxFaults
  /** Random source for fault injection; seedable in tests. */
  random?: () => number
}
