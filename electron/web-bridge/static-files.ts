import { readFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

/** Resolves a URL path inside `root`, or null when it would escape it (`..`, encoded slashes, NUL). */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const resolved = normalize(join(root, decoded))
  return resolved === root || resolved.startsWith(root.endsWith(sep) ? root : root + sep) ? resolved : null
}

export async function sendFile(
  response: ServerResponse,
  path: string,
  headers: Record<string, string>,
): Promise<void> {
  const body = await readFile(path).catch(() => null)
  if (!body) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end('Not found')
    return
  }
  response
    .writeHead(200, {
      'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      ...headers,
    })
    .end(body)
}
