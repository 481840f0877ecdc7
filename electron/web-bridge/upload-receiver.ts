import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { safeFileName } from '#shared/files/safe-file-name.ts'
import { MAX_FILE_BYTES } from '../engine/ingest/sniff-file.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

interface Upload {
  stream: WriteStream
  received: number
  done: Promise<void>
  dir: string
}

/**
 * Receives the files one browser connection drops: each lands at `<uploadDir>/<uploadId>/<safe name>`,
 * the path the page's shim already handed to the real `files:open` handler. `settled()` resolves when
 * every upload begun so far is on disk, so requests wait for the files they name.
 */
export class UploadReceiver {
  private readonly uploads = new Map<string, Upload>()

  private readonly uploadDir: string

  constructor(uploadDir: string) {
    this.uploadDir = uploadDir
  }

  begin(uploadId: string, name: string, size: number): void {
    if (!UUID.test(uploadId) || this.uploads.has(uploadId) || size > MAX_FILE_BYTES) return
    const dir = join(this.uploadDir, uploadId)
    const path = join(dir, safeFileName(name))
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const stream = createWriteStream(path, { flags: 'wx', mode: 0o600 })
    const done = new Promise<void>((resolve) => {
      stream.on('close', resolve)
      stream.on('error', (error) => {
        console.error('[web-bridge] could not store an uploaded file', error)
        resolve()
      })
    })
    this.uploads.set(uploadId, { stream, received: 0, done, dir })
  }

  chunk(uploadId: string, bytes: Buffer): void {
    const upload = this.uploads.get(uploadId)
    if (!upload) return
    upload.received += bytes.length
    if (upload.received > MAX_FILE_BYTES) {
      upload.stream.destroy()
      return
    }
    upload.stream.write(bytes)
  }

  end(uploadId: string): void {
    this.uploads.get(uploadId)?.stream.end()
  }

  async settled(): Promise<void> {
    await Promise.all([...this.uploads.values()].map((upload) => upload.done))
  }

  /** Deletes this connection's files; the engine has read them by the time the page goes away. */
  async dispose(): Promise<void> {
    for (const upload of this.uploads.values()) upload.stream.destroy()
    await Promise.allSettled(
      [...this.uploads.values()].map((upload) => rm(upload.dir, { recursive: true, force: true })),
    )
    this.uploads.clear()
  }
}
