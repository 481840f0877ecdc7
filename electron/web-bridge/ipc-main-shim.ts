import type { IpcInvokeEvent, IpcMainLike } from '../main/ipc/register.ts'

type Listener = (event: IpcInvokeEvent, arg: unknown) => Promise<unknown>

/** ipcMain for the web bridge: the real handlers register here, and the socket server calls them. */
export class IpcMainShim implements IpcMainLike {
  private readonly listeners = new Map<string, Listener>()

  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`a handler for ${channel} is already registered`)
    this.listeners.set(channel, listener)
  }

  channels(): string[] {
    return [...this.listeners.keys()]
  }

  async dispatch(channel: string, event: IpcInvokeEvent, arg: unknown): Promise<unknown> {
    const listener = this.listeners.get(channel)
    if (!listener) {
      // Electron rejects unknown channels; the bridge answers in the Result shape the page understands.
      return {
        ok: false,
        error: { code: 'IPC_INVALID_ARGS', message: `There is no request called ${channel}.` },
      }
    }
    return listener(event, arg)
  }
}
