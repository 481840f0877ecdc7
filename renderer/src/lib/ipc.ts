import { AppError, type ErrorCode } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import type { RendererApi } from '#shared/ipc/api.ts'
import type { Result } from '#shared/result.ts'

declare global {
  interface Window {
    /** Exposed by the preload (Electron) or its web-bridge build; the only way to reach the engine. */
    readonly api: RendererApi
  }
}

/** The one reader of window.api: the rest of the renderer imports `api` from here. */
export const api: RendererApi = window.api

/** Turns a failed Result back into an AppError, so callers can use try/catch and read `code`. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (result.ok) return result.value
  throw new AppError(result.error.code as ErrorCode, result.error.message)
}

/** The message to show for anything thrown while talking to the engine. */
export function messageOf(error: unknown): string {
  if (error instanceof AppError) return error.message
  return t('errors.engineUnreachable')
}
