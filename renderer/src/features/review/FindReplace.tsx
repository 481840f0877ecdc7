import { useId, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { DatasetId } from '#shared/ids.ts'
import { columnsOf, type Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderDefinition } from '#shared/providers/types.ts'
import { useApp, useAppShallow } from '../../store/index.ts'
import type { ColumnReplaceQuery, ReplaceStep } from '../../store/types.ts'
import { fieldLabel } from './fieldLabels.ts'
import { useReplacePreview } from './useReplacePreview.ts'

// A symbol, not a word (screen readers hear the translated "becomes" instead).
const ARROW = '→'

interface FindReplaceProps {
  datasetId: DatasetId
  provider: ProviderDefinition
  assignments: readonly Assignment[]
  headers: readonly string[]
  /** Bumped after every change to the data, so the count is made again. */
  version: number
}

interface ColumnOption {
  column: number
  header: string
  label: string
}

/** A column's header in the file, or its place when it has none. */
const headerOf = (t: TFunction<'review'>, headers: readonly string[], column: number): string =>
  headers[column] || t('findReplace.unnamedColumn', { number: column + 1 })

/** The mapped source columns, each once, named by the fields it feeds and its header in the file. */
function columnOptions(
  t: TFunction<'review'>,
  provider: ProviderDefinition,
  assignments: readonly Assignment[],
  headers: readonly string[],
): ColumnOption[] {
  const fields = new Map<number, string[]>()
  for (const assignment of assignments)
    for (const column of columnsOf(assignment))
      fields.set(column, [...(fields.get(column) ?? []), fieldLabel(provider, assignment.field)])
  return [...fields]
    .sort(([a], [b]) => a - b)
    .map(([column, labels]) => {
      const header = headerOf(t, headers, column)
      const fields = [...new Set(labels)].join(', ')
      return { column, header, label: t('findReplace.columnOption', { fields, header }) }
    })
}

/**
 * Find & replace in one column over the whole file, behind a disclosure on the review step. The
 * engine counts and replaces; a replace is one step of the review's undo history.
 */
export function FindReplace({ datasetId, provider, assignments, headers, version }: FindReplaceProps) {
  // `t` changes with the language, so the column names are made again after a switch.
  const { t } = useTranslation('review')
  const id = useId()
  const options = useMemo(
    () => columnOptions(t, provider, assignments, headers),
    [t, provider, assignments, headers],
  )
  const [open, setOpen] = useState(false)
  const [column, setColumn] = useState<number | null>(null)
  const [find, setFind] = useState('')
  const [replace, setReplace] = useState('')
  const [matchCase, setMatchCase] = useState(false)
  const [wholeCell, setWholeCell] = useState(false)
  const [onlyErrors, setOnlyErrors] = useState(false)
  const [busy, setBusy] = useState(false)
  // The column, not its name: a column without a header is named in the language of the moment.
  const [done, setDone] = useState<{ step: ReplaceStep; column: number } | null>(null)
  const { columnReplaced, editUndone, lastStep } = useAppShallow((state) => ({
    columnReplaced: state.columnReplaced,
    editUndone: state.editUndone,
    lastStep: state.edits.done.at(-1),
  }))
  const lastUndone = useApp((state) => state.edits.undone.at(-1))

  const chosen = options.find((option) => option.column === column) ?? options[0]
  const query: ColumnReplaceQuery | null =
    open && chosen && find ? { column: chosen.column, find, replace, matchCase, wholeCell, onlyErrors } : null
  const { preview, error } = useReplacePreview(datasetId, query, version)

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (!query || !chosen || !preview || preview.matches === 0 || busy) return
    setBusy(true)
    const step = await columnReplaced(query)
    setBusy(false)
    if (step) setDone({ step, column: chosen.column })
  }

  const undoable = done !== null && lastStep === done.step
  return (
    <div className="find-replace">
      <button
        type="button"
        className="button secondary small"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen(!open)}
      >
        {t('findReplace.toggle')}
      </button>
      {open ? (
        <form
          id={`${id}-panel`}
          className="find-replace-panel"
          aria-label={t('findReplace.label')}
          onSubmit={onSubmit}
        >
          <div className="find-replace-fields">
            <label>
              {t('findReplace.column')}
              <select
                value={chosen?.column ?? ''}
                onChange={(event) => setColumn(Number(event.target.value))}
                disabled={options.length === 0}
              >
                {options.map((option) => (
                  <option key={option.column} value={option.column}>
                    {option.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('findReplace.find')}
              <input type="text" value={find} onChange={(event) => setFind(event.target.value)} />
            </label>
            <label>
              {t('findReplace.replaceWith')}
              <input type="text" value={replace} onChange={(event) => setReplace(event.target.value)} />
            </label>
          </div>
          <fieldset className="find-replace-options">
            <legend>{t('findReplace.options')}</legend>
            <label>
              <input
                type="checkbox"
                checked={matchCase}
                onChange={(event) => setMatchCase(event.target.checked)}
              />
              {t('findReplace.matchCase')}
            </label>
            <label>
              <input
                type="checkbox"
                checked={wholeCell}
                onChange={(event) => setWholeCell(event.target.checked)}
              />
              {t('findReplace.wholeCell')}
            </label>
            <label>
              <input
                type="checkbox"
                checked={onlyErrors}
                onChange={(event) => setOnlyErrors(event.target.checked)}
              />
              {t('findReplace.onlyErrors')}
            </label>
          </fieldset>
          <div role="status" className="find-replace-count">
            {error ? <span>{error}</span> : null}
            {!query ? t('findReplace.typeToFind') : null}
            {query && preview && chosen
              ? t('findReplace.matches', { count: preview.matches, column: chosen.header })
              : null}
            {query && !preview && !error ? t('findReplace.counting') : null}
          </div>
          {query && preview && preview.examples.length > 0 ? (
            <ul className="find-replace-examples" aria-label={t('findReplace.examples')}>
              {preview.examples.map((example) => (
                <li key={example.row}>
                  {t('findReplace.exampleRow', { row: example.row })} <q>{example.before}</q>{' '}
                  <span aria-hidden="true">{ARROW}</span>
                  <span className="visually-hidden"> {t('findReplace.becomes')}</span> <q>{example.after}</q>
                </li>
              ))}
            </ul>
          ) : null}
          <button type="submit" className="button small" disabled={!preview || preview.matches === 0 || busy}>
            {preview && preview.matches > 0
              ? t('findReplace.replaceIn', { count: preview.matches })
              : t('findReplace.replaceAll')}
          </button>
        </form>
      ) : null}
      {done ? (
        <p role="status" className="find-replace-done">
          {t(undoable || lastUndone !== done.step ? 'findReplace.replaced' : 'findReplace.putBack', {
            count: done.step.changed,
            column: headerOf(t, headers, done.column),
          })}{' '}
          {undoable ? (
            <button type="button" className="link-button" onClick={() => void editUndone()}>
              {t('findReplace.undo')}
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  )
}
