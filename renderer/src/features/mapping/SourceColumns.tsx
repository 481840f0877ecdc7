import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import { ColumnItem } from './ColumnItem.tsx'
import { fieldsByColumn } from './column-facts.ts'
import type { ColumnStats } from './useColumnStats.ts'

interface SourceColumnsProps {
  headers: readonly string[]
  /** Null while the engine counts them. */
  stats: ColumnStats | null
  fields: readonly ProviderField[]
  assignments: readonly Assignment[]
  onMap(field: string, column: number): void
  ignoredColumns: readonly number[]
  onIgnore(column: number, ignored: boolean): void
}

/**
 * The file's side of the mapping screen: every column in file order with a few of its values, how
 * full it is, what its values look like and which fields it feeds. Columns are dragged onto fields,
 * or mapped from the keyboard with "Map to…".
 */
export function SourceColumns(props: SourceColumnsProps) {
  const { headers, stats, fields, assignments, onMap, ignoredColumns, onIgnore } = props
  const { t } = useTranslation('mapping')
  // Said once by the live region when something happens, so it is worded then.
  const [announcement, setAnnouncement] = useState('')
  const feeds = fieldsByColumn(assignments, fields)
  const map = (field: string, column: number) => {
    onMap(field, column)
    const label = fields.find((candidate) => candidate.key === field)?.label ?? field
    setAnnouncement(t('sourceColumns.nowFeeds', { column: headers[column], field: label }))
  }

  return (
    <aside className="source-columns" aria-labelledby="source-columns-heading">
      <h2 id="source-columns-heading">{t('sourceColumns.heading')}</h2>
      <p className="muted" id="source-columns-help">
        {stats
          ? t('sourceColumns.helpWithRows', {
              columns: t('sourceColumns.columns', { count: headers.length }),
              rows: t('sourceColumns.rows', { count: stats.rows }),
            })
          : t('sourceColumns.help', { columns: t('sourceColumns.columns', { count: headers.length }) })}
      </p>
      <ol className="source-column-list" aria-describedby="source-columns-help">
        {headers.map((header, column) => (
          <ColumnItem
            key={`${column}-${header}`}
            column={column}
            header={header}
            stat={stats?.columns[column]}
            rows={stats?.rows ?? 0}
            feeds={feeds.get(column) ?? []}
            fields={fields}
            onMap={map}
            ignored={ignoredColumns.includes(column)}
            onIgnore={(ignored) => {
              onIgnore(column, ignored)
              setAnnouncement(
                t(ignored ? 'sourceColumns.leftOut' : 'sourceColumns.notLeftOut', { column: header }),
              )
            }}
          />
        ))}
      </ol>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </aside>
  )
}
