import { useId, useMemo, useState, type FormEvent } from 'react'
import type { DatasetId } from '#shared/ids.ts'
import { columnsOf, type Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderDefinition } from '#shared/providers/types.ts'
import { plural } from '../../lib/format.ts'
import { useApp, useAppShallow } from '../../store/index.ts'
import type { ColumnReplaceQuery, ReplaceStep } from '../../store/types.ts'
import { fieldLabel } from './fieldLabels.ts'
import { useReplacePreview } from './useReplacePreview.ts'

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

/** The mapped source columns, each once, named by the fields it feeds and its header in the file. */
function columnOptions(
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
      const header = headers[column] || `Column ${column + 1}`
      return { column, header, label: `${[...new Set(labels)].join(', ')} (column “${header}”)` }
    })
}

/**
 * Find & replace in one column over the whole file, behind a disclosure on the review step. The
 * engine counts and replaces; a replace is one step of the review's undo history.
 */
export function FindReplace({ datasetId, provider, assignments, headers, version }: FindReplaceProps) {
  const id = useId()
  const options = useMemo(
    () => columnOptions(provider, assignments, headers),
    [provider, assignments, headers],
  )
  const [open, setOpen] = useState(false)
  const [column, setColumn] = useState<number | null>(null)
  const [find, setFind] = useState('')
  const [replace, setReplace] = useState('')
  const [matchCase, setMatchCase] = useState(false)
  const [wholeCell, setWholeCell] = useState(false)
  const [onlyErrors, setOnlyErrors] = useState(false)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<{ step: ReplaceStep; header: string } | null>(null)
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
    if (step) setDone({ step, header: chosen.header })
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
        Find &amp; replace
      </button>
      {open ? (
        <form
          id={`${id}-panel`}
          className="find-replace-panel"
          aria-label="Find and replace"
          onSubmit={onSubmit}
        >
          <div className="find-replace-fields">
            <label>
              Column
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
              Find
              <input type="text" value={find} onChange={(event) => setFind(event.target.value)} />
            </label>
            <label>
              Replace with
              <input type="text" value={replace} onChange={(event) => setReplace(event.target.value)} />
            </label>
          </div>
          <fieldset className="find-replace-options">
            <legend>Options</legend>
            <label>
              <input
                type="checkbox"
                checked={matchCase}
                onChange={(event) => setMatchCase(event.target.checked)}
              />
              Match case
            </label>
            <label>
              <input
                type="checkbox"
                checked={wholeCell}
                onChange={(event) => setWholeCell(event.target.checked)}
              />
              Whole cell only
            </label>
            <label>
              <input
                type="checkbox"
                checked={onlyErrors}
                onChange={(event) => setOnlyErrors(event.target.checked)}
              />
              Only rows with errors
            </label>
          </fieldset>
          <div role="status" className="find-replace-count">
            {error ? <span>{error}</span> : null}
            {!query ? 'Type the text to find.' : null}
            {query && preview && chosen
              ? `${plural(preview.matches, 'cell')} in “${chosen.header}” ${preview.matches === 1 ? 'matches' : 'match'}`
              : null}
            {query && !preview && !error ? 'Counting…' : null}
          </div>
          {query && preview && preview.examples.length > 0 ? (
            <ul className="find-replace-examples" aria-label="Examples">
              {preview.examples.map((example) => (
                <li key={example.row}>
                  Row {example.row}: <q>{example.before}</q> <span aria-hidden="true">→</span>
                  <span className="visually-hidden"> becomes</span> <q>{example.after}</q>
                </li>
              ))}
            </ul>
          ) : null}
          <button type="submit" className="button small" disabled={!preview || preview.matches === 0 || busy}>
            {preview && preview.matches > 0 ? `Replace in ${plural(preview.matches, 'cell')}` : 'Replace all'}
          </button>
        </form>
      ) : null}
      {done ? (
        <p role="status" className="find-replace-done">
          {undoable || lastUndone !== done.step
            ? `Replaced in ${plural(done.step.changed, 'cell')} of “${done.header}”. `
            : `Put back ${plural(done.step.changed, 'cell')} of “${done.header}”. `}
          {undoable ? (
            <button type="button" className="link-button" onClick={() => void editUndone()}>
              Undo
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  )
}
