import { useState } from 'react'
import type { Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import { plural } from '../../lib/format.ts'
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
  const [announcement, setAnnouncement] = useState('')
  const feeds = fieldsByColumn(assignments, fields)
  const map = (field: string, column: number) => {
    onMap(field, column)
    const label = fields.find((candidate) => candidate.key === field)?.label ?? field
    setAnnouncement(`“${headers[column]}” now feeds ${label}.`)
  }

  return (
    <aside className="source-columns" aria-labelledby="source-columns-heading">
      <h2 id="source-columns-heading">Your columns</h2>
      <p className="muted" id="source-columns-help">
        {plural(headers.length, 'column')}
        {stats ? ` · ${plural(stats.rows, 'row')}` : ''}. Drag a column onto a field, or use “Map to…”.
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
              setAnnouncement(ignored ? `“${header}” is left out.` : `“${header}” is no longer left out.`)
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
