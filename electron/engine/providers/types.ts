import type { MappedRecord, RowOutcome } from '../../../shared/providers/types.ts'

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
  apiKey: string
}

export interface TransportContext {
  signal: AbortSignal
  fetch: typeof globalThis.fetch
  /** Waits, but resolves early (and the caller checks `signal`) when the job is cancelled. */
  sleep(ms: number, signal: AbortSignal): Promise<void>
  /** Called once per HTTP request, for rate and progress accounting. */
  onRequest?(): void
}

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
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string
  /** The key the sandbox accepts, so the "Sandbox" connection works without any set-up. */
  apiKey: string
  close(): Promise<void>
}

export interface SandboxOptions {
  /** 0 = random free port. */
  port?: number
  apiKey?: string
}
