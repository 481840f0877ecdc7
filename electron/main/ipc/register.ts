import { AppError, toSerializedError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import {
  events,
  invoke,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
  type ParsedReq,
  type Res,
} from '#shared/ipc/contract.ts'
import { err, ok, type Result } from '#shared/result.ts'

// The typed IPC wrappers. They depend only on the *shape* of Electron's ipcMain, so the same handlers
// run in Electron and behind the web bridge (which registers them on its own ipcMain shim).

/** What a handler needs of the window that called it. */
export interface IpcSender {
  isDestroyed(): boolean
  send(channel: string, payload: unknown): void
}

export interface IpcInvokeEvent {
  sender: IpcSender
  /** The frame that sent the request; null when it is already gone. */
  senderFrame: { url: string } | null
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, arg: unknown) => Promise<unknown>): void
}

export type Handler<C extends InvokeChannel> = (
  req: ParsedReq<C>,
  event: IpcInvokeEvent,
) => Promise<Res<C>> | Res<C>

export interface Ipc {
  handle<C extends InvokeChannel>(channel: C, handler: Handler<C>): void
  emit<E extends EventChannel>(sender: IpcSender, channel: E, payload: EventPayload<E>): void
}

/** Largest request we accept, serialized; real requests are a few kB (a mapping of many columns). */
export const MAX_REQUEST_BYTES = 1024 * 1024

/**
 * Every request passes three checks in order: the sender is our own page, the argument matches the
 * contract's schema, then the handler runs with the parsed value. Answers are `Result`s; unexpected
 * errors are logged here and reach the renderer only as a generic message, never with a stack.
 */
export function createIpc(ipcMain: IpcMainLike, isTrustedSender: (url: string) => boolean): Ipc {
  return {
    handle(channel, handler) {
      ipcMain.handle(channel, async (event, arg): Promise<Result<unknown>> => {
        const url = event.senderFrame?.url ?? ''
        if (!isTrustedSender(url)) {
          console.warn(`[ipc] refused ${channel} from untrusted sender ${JSON.stringify(url.slice(0, 200))}`)
          return err({ code: 'IPC_FORBIDDEN', message: t('engine:ipc.forbidden') })
        }
        if (serializedSize(arg) > MAX_REQUEST_BYTES) {
          return err({ code: 'IPC_INVALID_ARGS', message: t('engine:ipc.tooLarge') })
        }
        const parsed = invoke[channel].req.safeParse(arg)
        if (!parsed.success) {
          return err({ code: 'IPC_INVALID_ARGS', message: t('engine:ipc.malformed', { channel }) })
        }
        try {
          return ok(await handler(parsed.data as ParsedReq<typeof channel>, event))
        } catch (error) {
          if (!(error instanceof AppError)) console.error(`[ipc] ${channel} failed`, error)
          return err(toSerializedError(error))
        }
      })
    },
    emit(sender, channel, payload) {
      if (sender.isDestroyed()) return
      // Our own events are checked too: a malformed event is a bug to catch here, not in the UI.
      sender.send(channel, events[channel].parse(payload))
    },
  }
}

function serializedSize(value: unknown): number {
  try {
    return JSON.stringify(value ?? null).length
  } catch {
    return Number.POSITIVE_INFINITY
  }
}
