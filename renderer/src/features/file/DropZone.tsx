import { useRef, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DroppedFile } from '#shared/ipc/api.ts'

interface DropZoneProps {
  onFile(file: DroppedFile): void
  disabled: boolean
}

/** An arrow into the zone, beside its title: decoration, hidden from screen readers. */
const DROP_ARROW = '⬇︎ '

/** Takes a file dragged from the desktop, or chosen with Browse…. */
export function DropZone({ onFile, disabled }: DropZoneProps) {
  const { t } = useTranslation('file')
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)

  const accept = (files: FileList | null) => {
    const file = files?.[0]
    if (file && !disabled) onFile(file)
  }
  // preventDefault on dragover/drop keeps the browser from navigating to the dropped file.
  const onDrag = (event: DragEvent, isOver: boolean) => {
    event.preventDefault()
    setOver(isOver)
  }

  return (
    <section
      role="region"
      aria-label={t('dropZone.title')}
      className={over ? 'drop-zone over' : 'drop-zone'}
      onDragEnter={(event) => onDrag(event, true)}
      onDragOver={(event) => onDrag(event, true)}
      onDragLeave={(event) => onDrag(event, false)}
      onDrop={(event) => {
        onDrag(event, false)
        accept(event.dataTransfer.files)
      }}
    >
      <p className="drop-title">
        <span aria-hidden="true">{DROP_ARROW}</span>
        {t('dropZone.title')}
      </p>
      <p className="muted">{t('dropZone.help')}</p>
      <button type="button" className="button" disabled={disabled} onClick={() => input.current?.click()}>
        {t('dropZone.browse')}
      </button>
      <input
        ref={input}
        type="file"
        aria-label={t('dropZone.chooseFile')}
        accept=".xlsx,.xlsm,.csv,.tsv,.txt"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(event) => {
          accept(event.target.files)
          event.target.value = ''
        }}
      />
    </section>
  )
}
