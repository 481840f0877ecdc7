import { createHash } from 'node:crypto'

// Capillary's Basic auth sends the till's password as its MD5 hash, never the password itself [C]:
// `Authorization: Basic base64(<till username>:<md5(till password)>)`. Hashing happens here, in the
// engine, so the renderer and shared code never handle anything but the secret the person typed.

export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex')
}

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${md5Hex(password)}`, 'utf8').toString('base64')}`
}
