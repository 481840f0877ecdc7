import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, sep } from 'node:path'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Engine } from '../engine/engine.ts'
import { registerIpc } from '../main/ipc/index.ts'
import type { IpcInvokeEvent } from '../main/ipc/register.ts'
import { IpcMainShim } from './ipc-main-shim.ts'
import {
  BRIDGE_PATH,
  PATH_SEPARATOR_META,
  PRELOAD_PATH,
  UPLOAD_DIR_META,
  UPLOAD_ID_LENGTH,
  type ClientMessage,
  type ServerMessage,
} from './protocol.ts'
import { resolveInside, sendFile } from './static-files.ts'
import { UploadReceiver } from './upload-receiver.ts'

export interface WebBridgeOptions {
  engine: Engine
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** The preload built with the electron shim (out/web/preload.js). */
  preloadPath: string
  /** Where dropped files are stored for the engine to read. */
  uploadDir: string
  port?: number
}

export interface RunningWebBridge {
  /** Open this in a browser; it carries the per-run token. */
  url: string
  origin: string
  close(): Promise<void>
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cache-control': 'no-store',
}

/**
 * The app in a browser, with nothing faked: serves the built renderer plus the real preload (built
 * against a WebSocket shim of 'electron'), and answers its requests with the real IPC handlers and
 * engine. Loopback only; the WebSocket needs the per-run token and our own Origin.
 */
export async function startWebBridge(options: WebBridgeOptions): Promise<RunningWebBridge> {
  const token = randomBytes(24).toString('base64url')
  const ipcMain = new IpcMainShim()
  let origin = ''
  registerIpc(
    ipcMain,
    options.engine,
    (url) => origin !== '' && (url === origin || url.startsWith(`${origin}/`)),
  )

  const indexHtml = await readFile(join(options.rendererDir, 'index.html'), 'utf8')
  const pageHtml = () =>
    indexHtml
      .replace("connect-src 'self'", `connect-src 'self' ws://${new URL(origin).host}`)
      .replace(
        '</head>',
        `<meta name="${UPLOAD_DIR_META}" content="${escapeAttribute(options.uploadDir)}">` +
          `<meta name="${PATH_SEPARATOR_META}" content="${escapeAttribute(sep)}">` +
          `<script src="${PRELOAD_PATH}"></script></head>`,
      )

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, SECURITY_HEADERS).end()
      return
    }
    if (path === '/' || path === '/index.html') {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS })
        .end(pageHtml())
      return
    }
    if (path === PRELOAD_PATH) {
      void sendFile(response, options.preloadPath, SECURITY_HEADERS)
      return
    }
    const file = resolveInside(options.rendererDir, path)
    if (!file) {
      response.writeHead(404, SECURITY_HEADERS).end()
      return
    }
    void sendFile(response, file, SECURITY_HEADERS)
  })

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 })
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isAuthorised(request, token, origin)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      return
    }
    sockets.handleUpgrade(request, socket, head, (ws) =>
      serveConnection(ws, ipcMain, options.uploadDir, origin),
    )
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/?token=${token}`,
    origin,
    async close() {
      for (const client of sockets.clients) client.terminate()
      sockets.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function isAuthorised(request: IncomingMessage, token: string, origin: string): boolean {
  const url = new URL(request.url ?? '/', 'http://localhost')
  if (url.pathname !== BRIDGE_PATH) return false
  // A web page anywhere can open a WebSocket to loopback; only our own page has our Origin and token.
  if (request.headers.origin !== origin) return false
  const given = Buffer.from(url.searchParams.get('token') ?? '')
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function serveConnection(ws: WebSocket, ipcMain: IpcMainShim, uploadDir: string, origin: string): void {
  const uploads = new UploadReceiver(uploadDir)
  const send = (message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message))
  }
  const event: IpcInvokeEvent = {
    sender: {
      isDestroyed: () => ws.readyState !== ws.OPEN,
      send: (channel, payload) => send({ t: 'event', channel, payload }),
    },
    senderFrame: { url: `${origin}/` },
  }

  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) {
      uploads.chunk(data.subarray(0, UPLOAD_ID_LENGTH).toString('latin1'), data.subarray(UPLOAD_ID_LENGTH))
      return
    }
    let message: ClientMessage
    try {
      message = JSON.parse(data.toString('utf8')) as ClientMessage
    } catch {
      return
    }
    if (message.t === 'upload-begin')
      uploads.begin(String(message.uploadId), String(message.name), Number(message.size))
    else if (message.t === 'upload-end') uploads.end(String(message.uploadId))
    else if (message.t === 'invoke' && typeof message.channel === 'string' && Number.isInteger(message.id)) {
      // A request may name a file dropped just before it: wait until that file is fully on disk.
      const ready = uploads.settled()
      void ready
        .then(() => ipcMain.dispatch(message.channel, event, message.arg))
        .then((value) => send({ t: 'result', id: message.id, value }))
    }
  })
  ws.on('close', () => void uploads.dispose())
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
