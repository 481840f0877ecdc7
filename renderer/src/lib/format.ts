import { DELIMITER_NAMES, type Delimiter } from '#shared/ingest-options.ts'

const number = new Intl.NumberFormat('en-US')

export const formatCount = (value: number) => number.format(Math.round(value))

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

export function formatDuration(seconds: number): string {
  if (seconds < 1) return 'less than a second'
  if (seconds < 60) return `${Math.ceil(seconds)} s`
  const minutes = Math.floor(seconds / 60)
  return `${minutes} min ${Math.ceil(seconds % 60)} s`
}

export function delimiterName(delimiter: string): string {
  return DELIMITER_NAMES[delimiter as Delimiter] ?? `"${delimiter}"`
}

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${formatCount(count)} ${count === 1 ? one : many}`
