import type { Result } from '#shared/result.ts'
import { safeFileName } from '#shared/files/safe-file-name.ts'
import {
  BRIDGE_PATH,
  PATH_SEPARATOR_META,
  UPLOAD_DIR_META,
  type ClientMessage,
  type ServerMessage,
} from '../../web-bridge/protocol.ts'

// Stands in for the 'electron' module when the real preload is built for the browser (`npm run web`):
// contextBridge puts the api on window, ipcRenderer talks to the bridge server over a loopback
// WebSocket, and webUtils turns a dropped File into a path on the server by streaming its bytes there.

const TOKEN_KEY = 'crosswalk-bridge-token'
const CHUNK_BYTES = 1024 * 1024
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024

function bridgeToken(): string {
  const params = new URLSearchParams(location.search)
  const fromUrl = params.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    // Keep the token out of the address bar, screenshots and history; a reload finds it in the session.
    params.delete('token')
    const query = params.toString()
    history.replaceState(null, '', location.pathname + (query ? `?${query}` : '') + location.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

const socket = new WebSocket(`ws://${location.host}${BRIDGE_PATH}?token=${encodeURIComponent(bridgeToken())}`)
socket.binaryType = 'arraybuffer'
const opened = new Promise<void>((resolve) =>
  socket.addEventListener('open', () => resolve(), { once: true }),
)
const pending = new Map<number, (value: unknown) => void>()
const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>()
let nextId = 1
let closed = false

const LOST: Result<never> = {
  ok: false,
  error: {
    code: 'PROVIDER_UNAVAILABLE',
    message:
      'Lost the connection to the Crosswalk engine. Start it again with "npm run web" and open the link it prints.',
  },
}

socket.addEventListener('message', (message: MessageEvent<string>) => {
  const data = JSON.parse(message.data) as ServerMessage
  if (data.t === 'result') {
    pending.get(data.id)?.(data.value)
    pending.delete(data.id)
  } else {
    for (const listener of listeners.get(data.channel) ?? []) listener({}, data.payload)
  }
})
socket.addEventListener('close', () => {
  closed = true
  for (const resolve of pending.values()) resolve(LOST)
  pending.clear()
})

async function send(message: ClientMessage | ArrayBuffer): Promise<void> {
  await opened
  while (socket.bufferedAmount > MAX_BUFFERED_BYTES) await new Promise((resolve) => setTimeout(resolve, 10))
  socket.send(message instanceof ArrayBuffer ? message : JSON.stringify(message))
}

// Messages must leave in the order they were made (upload-begin before the invoke that uses the path).
let queue = Promise.resolve()
function enqueue(task: () => Promise<void>): void {
  queue = queue.then(task, task)
}

export const ipcRenderer = {
  invoke(channel: string, arg: unknown): Promise<unknown> {
    if (closed) return Promise.resolve(LOST)
    const id = nextId++
    return new Promise((resolve) => {
      pending.set(id, resolve)
      enqueue(() => send({ t: 'invoke', id, channel, arg }))
    })
  },
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void {
    let set = listeners.get(channel)
    if (!set) listeners.set(channel, (set = new Set()))
    set.add(listener)
  },
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): void {
    listeners.get(channel)?.delete(listener)
  },
}

function meta(name: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? ''
}

export const webUtils = {
  /** Starts streaming the file to the bridge server and returns the path it will have there. */
  getPathForFile(file: File): string {
    const uploadDir = meta(UPLOAD_DIR_META)
    const separator = meta(PATH_SEPARATOR_META) || '/'
    if (!uploadDir) return ''
    const uploadId = crypto.randomUUID()
    const idBytes = new TextEncoder().encode(uploadId)
    enqueue(() => send({ t: 'upload-begin', uploadId, name: file.name, size: file.size }))
    enqueue(async () => {
      for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
        const chunk = new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer())
        const frame = new Uint8Array(idBytes.length + chunk.length)
        frame.set(idBytes, 0)
        frame.set(chunk, idBytes.length)
        await send(frame.buffer)
      }
      await send({ t: 'upload-end', uploadId })
    })
    return [uploadDir, uploadId, safeFileName(file.name)].join(separator)
  },
}

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    Object.defineProperty(window, key, { value: Object.freeze(api), writable: false, configurable: false })
  },
}
