import { t } from '#shared/i18n/i18n.ts'
import { formatCount } from '#shared/i18n/format.ts'
import type { Delimiter } from '#shared/ingest-options.ts'

// Formatting for the screens, in the current language. Numbers and dates come from the shared layer
// so that the engine's sentences and the screens agree on "12 345".
export {
  formatBytes,
  formatCount,
  formatDateTime,
  formatDecimal,
  formatLongDate,
} from '#shared/i18n/format.ts'

export function formatDuration(seconds: number): string {
  if (seconds < 1) return t('duration.underASecond')
  if (seconds < 60) return t('duration.seconds', { seconds: formatCount(Math.ceil(seconds)) })
  return t('duration.minutes', {
    minutes: formatCount(Math.floor(seconds / 60)),
    seconds: formatCount(Math.ceil(seconds % 60)),
  })
}

const DELIMITER_KEYS = {
  ',': 'delimiter.comma',
  ';': 'delimiter.semicolon',
  '\t': 'delimiter.tab',
  '|': 'delimiter.pipe',
} as const satisfies Record<Delimiter, string>

export function delimiterName(delimiter: string): string {
  const key = DELIMITER_KEYS[delimiter as Delimiter] as (typeof DELIMITER_KEYS)[Delimiter] | undefined
  return key ? t(key) : `"${delimiter}"`
}
