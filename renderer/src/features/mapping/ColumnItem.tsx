import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ColumnStat } from '#shared/ipc/contract.ts'
import type { ProviderField } from '#shared/providers/types.ts'
import { startColumnDrag } from './column-drag.ts'
import { fillText, kindWords } from './column-facts.ts'
import { MapToForm } from './MapToForm.tsx'
import { ICON } from './icons.ts'

interface ColumnItemProps {
  column: number
  header: string
  /** Undefined while the engine is still counting. */
  stat?: ColumnStat
  rows: number
  /** Labels of the fields this column feeds. */
  feeds: readonly string[]
  fields: readonly ProviderField[]
  onMap(field: string, column: number): void
  /** Left out on purpose (only a column that feeds nothing can be). */
  ignored: boolean
  onIgnore(ignored: boolean): void
}

/** One column of the file: what it holds, where it goes, dragged onto a field or mapped with "Map to…". */
export function ColumnItem(props: ColumnItemProps) {
  const { column, header, stat, rows, feeds, fields, onMap, ignored, onIgnore } = props
  const { t } = useTranslation('mapping')
  const [choosing, setChoosing] = useState(false)
  const [dragging, setDragging] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  // Set when the form closes: focus goes back to "Map to…" once it is shown again, not to the page.
  const returnFocus = useRef(false)
  useEffect(() => {
    if (choosing || !returnFocus.current) return
    returnFocus.current = false
    opener.current?.focus()
  }, [choosing])
  const id = `source-column-${column}`
  const close = () => {
    returnFocus.current = true
    setChoosing(false)
  }

  const classes = [
    'source-column',
    feeds.length === 0 ? 'unused' : '',
    ignored && feeds.length === 0 ? 'ignored' : '',
    dragging ? 'dragging' : '',
  ]
  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      draggable
      onDragStart={(event) => {
        startColumnDrag(event.dataTransfer, column, header)
        setDragging(true)
      }}
      onDragEnd={() => setDragging(false)}
    >
      <div className="source-column-head">
        <span className="drag-grip" aria-hidden="true">
          {ICON.dragGrip}
        </span>
        <span className="source-column-name" id={`${id}-name`}>
          {header}
        </span>
        {stat ? (
          <span className={stat.filled === 0 ? 'fill-rate empty' : 'fill-rate'}>
            {fillText(stat.filled, rows)}
          </span>
        ) : null}
      </div>
      {stat ? (
        <p className="source-column-facts">
          {stat.kind === 'empty' ? null : <span className="column-kind">{kindWords(stat.kind)}</span>}
          {stat.samples.map((sample, index) => (
            <span key={index} className="column-sample">
              {sample}
            </span>
          ))}
        </p>
      ) : (
        <p className="source-column-facts muted">{t('columnItem.counting')}</p>
      )}
      <p className={feeds.length > 0 ? 'column-feeds' : 'column-feeds not-sent'}>
        {feeds.length > 0
          ? t('columnItem.feeds', { fields: feeds.join(', ') })
          : ignored
            ? t('columnItem.leftOut')
            : t('columnItem.notSent')}
      </p>
      {choosing ? (
        <MapToForm
          id={`${id}-field`}
          header={header}
          fields={fields}
          feeds={feeds}
          onMap={(field) => {
            onMap(field, column)
            close()
          }}
          onClose={close}
        />
      ) : (
        <div className="column-actions">
          <button
            ref={opener}
            type="button"
            className="button small map-to-button"
            onClick={() => setChoosing(true)}
          >
            {/* The column's name only for screen readers: seen, it is right above. */}
            {t('columnItem.mapTo')}
            <span className="visually-hidden"> ({header})</span>
          </button>
          {feeds.length === 0 ? (
            // Saying "this column is not for the platform" quiets the offers to send it as a custom field.
            <button type="button" className="button small secondary" onClick={() => onIgnore(!ignored)}>
              {ignored ? t('columnItem.undoLeaveOut') : t('columnItem.leaveOut')}
              <span className="visually-hidden"> ({header})</span>
            </button>
          ) : null}
        </div>
      )}
    </li>
  )
}
