import { t } from '#shared/i18n/i18n.ts'
import type { DatasetSummary } from '#shared/jobs.ts'
import type { TextEncodingLabel } from '#shared/ingest-options.ts'
import { formatBytes, formatDuration } from '../../lib/format.ts'
import type { Progress } from '../../store/types.ts'

// Sentences of the File step built from several parts; each is put together when it is shown, so it
// follows a language switch.

/** "Reading customers.csv: 1.2 MB of 4 MB · 3,400 rows so far · about 2 s left". */
export function readingDetail(fileName: string | null, progress: Progress | null): string {
  if (!progress?.total) {
    return fileName ? t('file:reading.starting', { name: fileName }) : t('file:reading.startingNoName')
  }
  const amounts = { done: formatBytes(progress.done), total: formatBytes(progress.total) }
  const parts = [
    fileName
      ? t('file:reading.progress', { name: fileName, ...amounts })
      : t('file:reading.progressNoName', amounts),
  ]
  if (progress.rowsSoFar) parts.push(t('file:reading.rowsSoFar', { count: progress.rowsSoFar }))
  if (progress.etaSeconds !== null) {
    parts.push(t('file:reading.timeLeft', { duration: formatDuration(progress.etaSeconds) }))
  }
  return parts.join(' · ')
}

const ENCODING_KEYS = {
  'utf-8': 'file:encodings.utf8',
  'utf-16le': 'file:encodings.utf16le',
  'utf-16be': 'file:encodings.utf16be',
  'windows-1250': 'file:encodings.windows1250',
  'iso-8859-2': 'file:encodings.iso88592',
  'windows-1252': 'file:encodings.windows1252',
} as const satisfies Record<TextEncodingLabel, `file:encodings.${string}`>

/** An encoding's name for people, e.g. "Windows-1250 (Central European)", in the current language. */
export const encodingName = (label: TextEncodingLabel): string => t(ENCODING_KEYS[label])

/**
 * How the file's text was encoded. Said here from the encoding's value rather than shown as the engine's
 * sentence (which is in the language of the moment the file was read), so a language switch reaches it.
 * The summary has no byte-order-mark flag of its own: the engine's description names it "BOM", a
 * technical token it keeps in every language.
 */
export function encodingDescription(dataset: Pick<DatasetSummary, 'encoding' | 'encodingLabel'>): string {
  const name = encodingName(dataset.encodingLabel)
  return /\bBOM\b/.test(dataset.encoding) ? t('file:found.withBom', { encoding: name }) : name
}
