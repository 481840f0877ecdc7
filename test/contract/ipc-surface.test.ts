import { describe, expect, it, vi } from 'vitest'
import { CHANNEL_OF_METHOD } from '#shared/ipc/api.ts'
import { invoke } from '#shared/ipc/contract.ts'

// The IPC surface is exactly the contract: one preload method per channel, one handler per channel,
// nothing else exposed. A channel added in one place and forgotten in another fails here.

const exposed: Record<string, unknown> = {}
const invoked: unknown[][] = []

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      invoked.push(args)
      return Promise.resolve({ ok: true, value: null })
    },
    on: () => {},
    removeListener: () => {},
  },
  webUtils: {
    getPathForFile: (file: { name: string }) => (file.name === 'nowhere.csv' ? '' : `/home/ann/${file.name}`),
  },
}))

function methodPaths(api: Record<string, unknown>): string[] {
  return Object.entries(api).flatMap(([namespace, methods]) =>
    Object.keys(methods as Record<string, unknown>).map((method) => `${namespace}.${method}`),
  )
}

describe('IPC surface', () => {
  it('maps every contract channel to exactly one api method', () => {
    const channels = Object.values(CHANNEL_OF_METHOD).sort()
    expect(channels).toEqual(Object.keys(invoke).sort())
    expect(new Set(channels).size).toBe(channels.length)
  })

  it('registers exactly one main handler per contract channel', async () => {
    const { IpcMainShim } = await import('../../electron/web-bridge/ipc-main-shim.ts')
    const { registerIpc } = await import('../../electron/main/ipc/index.ts')
    const ipcMain = new IpcMainShim()
    registerIpc(ipcMain, {} as never, () => true)
    expect(ipcMain.channels().sort()).toEqual(Object.keys(invoke).sort())
  })

  it('has the preload expose exactly those methods, plus one subscription per event, and nothing else', async () => {
    await import('../../electron/preload/index.ts')
    const api = exposed['api'] as Record<string, Record<string, (arg?: unknown) => unknown>>
    expect(Object.keys(exposed)).toEqual(['api'])
    expect(methodPaths(api).sort()).toEqual(
      [...Object.keys(CHANNEL_OF_METHOD), 'jobs.onEvent', 'menu.onFileOpening', 'menu.onExport'].sort(),
    )

    for (const [path, channel] of Object.entries(CHANNEL_OF_METHOD)) {
      const [namespace = '', method = ''] = path.split('.')
      invoked.length = 0
      await api[namespace]?.[method]?.(
        path === 'files.open' ? { name: 'customers.csv', size: 1 } : { probe: true },
      )
      expect(invoked[0]?.[0]).toBe(channel)
    }
  })

  it('turns a dropped file into its path, and refuses a file that is not on disk', async () => {
    await import('../../electron/preload/index.ts')
    const api = exposed['api'] as { files: { open(file: { name: string; size: number }): Promise<unknown> } }
    invoked.length = 0
    await api.files.open({ name: 'customers.csv', size: 10 })
    expect(invoked[0]).toEqual(['files:open', { path: '/home/ann/customers.csv', options: {} }])
    await expect(api.files.open({ name: 'nowhere.csv', size: 10 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'FILE_UNREADABLE' },
    })
  })
})
