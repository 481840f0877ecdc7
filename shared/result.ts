import type { SerializedError } from './errors.ts'

/** What every IPC handler returns: errors travel as data, so their `code` survives the trip. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: SerializedError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const err = <T = never>(error: SerializedError): Result<T> => ({ ok: false, error })
