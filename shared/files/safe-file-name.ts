/**
 * A file name that is safe to create in a folder of ours: letters, digits, spaces and `._()-` only, no
 * leading dots, at most 120 characters, extension kept. Used by both ends of the web bridge.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim()
  if (cleaned === '') return 'file'
  if (cleaned.length <= 120) return cleaned
  const dot = cleaned.lastIndexOf('.')
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : ''
  return cleaned.slice(0, 120 - extension.length) + extension
}
