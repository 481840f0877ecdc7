// One list of error codes for the whole app. Errors cross process boundaries as data (`SerializedError`),
// never as thrown objects: Electron strips custom properties from errors thrown in `ipcMain.handle`.
// Every message is written for the person using the app: what happened, where, and what to do, in the
// language the person chose (made with t() where the error is raised).
import { t } from './i18n/i18n.ts'

export type ErrorCode =
  | 'IPC_FORBIDDEN'
  | 'IPC_INVALID_ARGS'
  | 'FILE_UNREADABLE'
  | 'FILE_UNSUPPORTED'
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'CSV_PARSE'
  | 'DATASET_NOT_FOUND'
  | 'JOB_NOT_FOUND'
  | 'JOB_CANCELLED'
  | 'MAPPING_INVALID'
  | 'PROVIDER_UNKNOWN'
  | 'CONNECTION_UNKNOWN'
  | 'CONNECTION_INVALID'
  | 'PROVIDER_AUTH'
  | 'PROVIDER_UNAVAILABLE'
  | 'PROVIDER_PROTOCOL'
  | 'INTERNAL'

export interface SerializedError {
  code: ErrorCode
  message: string
}

export class AppError extends Error {
  override name = 'AppError'
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string) {
    super(message)
    this.code = code
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.message }
  }
}

/** Turns anything thrown into data that is safe to show: unknown errors never leak their message or stack. */
export function toSerializedError(error: unknown): SerializedError {
  if (error instanceof AppError) return error.toJSON()
  return { code: 'INTERNAL', message: t('engine:internal') }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code)
}
