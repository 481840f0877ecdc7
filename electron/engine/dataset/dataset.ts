import { AppError } from '#shared/errors.ts'
import { formatMessage, sentence, t } from '#shared/i18n/i18n.ts'
import { message, type Message } from '#shared/i18n/message.ts'
import type {
  ColumnStat,
  DuplicateChoice,
  ReviewRow,
  RowFilter,
  ValidationSummary,
} from '#shared/ipc/contract.ts'
import { columnsOf, type Mapping } from '#shared/mapping/mapping.ts'
import type { FieldIssue, MappedRecord, ProviderDefinition, RowOutcome } from '#shared/providers/types.ts'
import { identityKeyOf } from '#shared/providers/identity.ts'
import { getProvider } from '#shared/providers/registry.ts'
import { compileMapping, type CompiledMapping } from '#shared/validation/compile-mapping.ts'
import type { PreparedItem } from '../providers/types.ts'
import type { ParsedTable } from '../ingest/index-table.ts'
import { columnStats } from './column-stats.ts'
import { compileFastChecks } from './fast-path/fast-checks.ts'
import { hashText } from './fast-path/identity-hash.ts'
import { filledFromBytes } from './fast-path/filled-cells.ts'
import { compileIdentityHasher } from './fast-path/identity-hasher.ts'
import { EditOverlay } from './edit-overlay.ts'
import { changesIn, ReplaceHistory, type CellChange, type ColumnReplace } from './find-replace.ts'
import { IssueTally } from './issue-tally.ts'
import { HAS_ERROR, HAS_WARNING, RowFilters } from './row-filters.ts'
import { identityFieldsOf, RowChoices, type RowHashes } from './row-choices.ts'

interface AppliedMapping {
  mapping: Mapping
  provider: ProviderDefinition
  compiled: CompiledMapping
  /** HAS_ERROR / HAS_WARNING per row index, kept current as cells are edited. */
  rowFlags: Uint8Array
  summary: ValidationSummary
  /** Rows per field and per kind of problem (the summary's errorsByField, warningsByField, issueGroups). */
  tally: IssueTally
  /** A row's issues as they are now: from the file's bytes (fast-path/), or its record when edited. */
  issuesOf(index: number): readonly FieldIssue[]
  /** The rows each filter shows; cleared after edits. */
  filters: RowFilters
}

/**
 * One ingested file, held in the worker. The renderer only ever sees pages of it; validation runs over
 * every row here, once per mapping change.
 */
export class Dataset {
  private applied: AppliedMapping | null = null
  private readonly edits = new EditOverlay()
  /** Each find & replace, so it can be undone as one step. */
  private readonly replaces = new ReplaceHistory()
  /** Rows left out and what to do with duplicate customers; by row index, like the edits. */
  private readonly choices = new RowChoices({
    record: (index) => this.recordOf(this.requireMapping().compiled, index),
    rowNumber: (index) => this.parsed.rowNumber(index),
  })

  readonly parsed: ParsedTable

  constructor(parsed: ParsedTable) {
    this.parsed = parsed
  }

  get rowCount(): number {
    return this.parsed.rowCount
  }

  applyMapping(mapping: Mapping): ValidationSummary {
    const provider = getProvider(mapping.providerId)
    const maxColumn = this.parsed.headers.length - 1
    const outOfRange = mapping.assignments.flatMap(columnsOf).find((column) => column > maxColumn)
    if (outOfRange !== undefined) {
      throw new AppError(
        'MAPPING_INVALID',
        t('engine:dataset.mappingColumnOutOfRange', {
          column: outOfRange + 1,
          count: this.parsed.headers.length,
        }),
      )
    }
    const compiled = compileMapping(provider, mapping)
    const viaRecord = (index: number) => compiled.validate(this.recordOf(compiled, index))
    // Most rows are settled from their bytes (fast-path/); edited rows are read with their edits.
    const fast = compileFastChecks(provider, mapping, this.parsed, viaRecord)
    const issuesOf = (index: number) =>
      this.edits.rowCount > 0 && this.edits.rowEdits(index) ? viaRecord(index) : fast.issuesOf(index)
    const rowFlags = new Uint8Array(this.rowCount)
    const applied: AppliedMapping = {
      mapping,
      provider,
      compiled,
      rowFlags,
      summary: {
        rows: this.rowCount,
        valid: 0,
        withErrors: 0,
        withWarnings: 0,
        edited: 0,
        errorsByField: {},
      },
      tally: new IssueTally(),
      issuesOf,
      filters: new RowFilters({ rowFlags, issuesOf }),
    }
    // Identity hashes are read in the same pass as the values: one pass over the file.
    const identityHash = this.identityHasher(applied)
    const read: RowHashes | null =
      identityFieldsOf(provider, mapping).length > 0
        ? { hashes: new Int32Array(this.rowCount), has: new Uint8Array(this.rowCount) }
        : null
    for (let index = 0; index < this.rowCount; index++) {
      const issues = applied.issuesOf(index)
      // Most rows have none, and their flags are already 0.
      if (issues.length === 0) applied.summary.valid++
      else this.count(applied, index, issues, 1)
      if (read) {
        const hash = identityHash(index)
        if (hash !== null) {
          read.hashes[index] = hash
          read.has[index] = 1
        }
      }
    }
    // Set before grouping: rows that may be the same customer are compared by their records under it.
    this.applied = applied
    this.choices.rebuild(provider, mapping, this.rowCount, identityHash, read)
    return this.summaryOf(applied)
  }

  /**
   * Changes one cell and re-validates just that row, so the summary and filters stay right without
   * another pass over the file. Returns the row as the grid shows it and the new summary.
   */
  editCell(row: number, column: number, value: string): { row: ReviewRow; summary: ValidationSummary } {
    const applied = this.requireMapping()
    const index = this.indexOfRow(row)
    if (index === -1) throw new AppError('DATASET_NOT_FOUND', t('engine:dataset.notADataRow', { row }))
    if (column >= this.parsed.headers.length) {
      throw new AppError('MAPPING_INVALID', t('engine:dataset.noSuchColumn', { column: column + 1 }))
    }
    this.setCell(applied, index, column, value)
    return {
      row: this.reviewRow(index),
      summary: this.summaryOf(applied),
    }
  }

  /** Cells of one column that a replace would change, counted over the whole file, and the first few. */
  findInColumn(
    query: ColumnReplace,
    examples = 3,
  ): { matches: number; examples: { row: number; before: string; after: string }[] } {
    const changes = this.changesOf(query)
    return {
      matches: changes.length,
      examples: changes
        .slice(0, examples)
        .map(({ index, before, after }) => ({ row: this.parsed.rowNumber(index), before, after })),
    }
  }

  /**
   * Replaces text in one column over the whole file, as ordinary cell edits (so they count as edited,
   * are uploaded and journaled). Returns an id for undoing it as one step.
   */
  replaceInColumn(query: ColumnReplace): { replaceId: number; changed: number; summary: ValidationSummary } {
    const applied = this.requireMapping()
    const changes = this.changesOf(query)
    for (const { index, after } of changes) this.setCell(applied, index, query.column, after)
    const replaceId = this.replaces.record(query.column, changes)
    return { replaceId, changed: changes.length, summary: this.summaryOf(applied) }
  }

  /** Puts back every cell of a replace (undo), or does it again (redo). */
  revertReplace(
    replaceId: number,
    direction: 'undo' | 'redo',
  ): { changed: number; summary: ValidationSummary } {
    const applied = this.requireMapping()
    const replace = this.replaces.get(replaceId)
    if (!replace) throw new AppError('DATASET_NOT_FOUND', t('engine:dataset.replaceGone'))
    for (const { index, before, after } of replace.changes)
      this.setCell(applied, index, replace.column, direction === 'undo' ? before : after)
    return { changed: replace.changes.length, summary: this.summaryOf(applied) }
  }

  private changesOf(query: ColumnReplace): CellChange[] {
    if (query.column >= this.parsed.headers.length)
      throw new AppError('MAPPING_INVALID', t('engine:dataset.noSuchColumn', { column: query.column + 1 }))
    const { column } = query
    const cell = (index: number) => this.edits.rowEdits(index)?.get(column) ?? this.parsed.cell(index, column)
    return changesIn(query, query.onlyErrors ? this.indexesFor('errors') : null, this.rowCount, cell)
  }

  /** Changes one cell and re-validates just its row, keeping the summary, flags and groups current. */
  private setCell(applied: AppliedMapping, index: number, column: number, value: string): void {
    const { compiled } = applied
    const before = compiled.validate(this.recordOf(compiled, index))
    this.edits.set(index, column, value, this.parsed.cell(index, column))
    const after = compiled.validate(this.recordOf(compiled, index))
    this.count(applied, index, before, -1)
    this.count(applied, index, after, 1)
    applied.filters.clear()
    this.choices.place(index)
  }

  /** Adds (sign 1) or removes (sign -1) one row's issues from the summary, and sets its flags. */
  private count(applied: AppliedMapping, index: number, issues: readonly FieldIssue[], sign: 1 | -1): void {
    const { summary } = applied
    let errors = false
    let warning = false
    for (let i = 0; i < issues.length; i++) {
      if (issues[i]!.severity === 'error') errors = true
      else warning = true
    }
    if (issues.length > 0) applied.tally.count(index, issues, sign)
    if (errors) summary.withErrors += sign
    else summary.valid += sign
    if (warning) summary.withWarnings += sign
    if (sign === 1) applied.rowFlags[index] = (errors ? HAS_ERROR : 0) | (warning ? HAS_WARNING : 0)
  }

  /** A row's identity hash for the duplicate groups: from the file's cells, or from its record when edited. */
  private identityHasher(applied: AppliedMapping): (index: number) => number | null {
    const { provider, mapping, compiled } = applied
    const fromCells = compileIdentityHasher(provider, mapping, this.parsed)
    return (index) => {
      if (fromCells && (this.edits.rowCount === 0 || !this.edits.rowEdits(index))) return fromCells(index)
      const key = identityKeyOf(provider, this.recordOf(compiled, index))
      return key === null ? null : hashText(key)
    }
  }

  /** The mapped record of a row, read from the mapped columns only, with the user's edits. */
  private recordOf(compiled: CompiledMapping, index: number): MappedRecord {
    const edits = this.edits.rowEdits(index)
    if (!edits) return compiled.record(index, this.parsed.cell) // the common case: no per-row closure
    return compiled.record(index, (row, column) => edits.get(column) ?? this.parsed.cell(row, column))
  }

  /** The row's cells as they will be sent: the file's, with the user's edits. */
  private cells(index: number): string[] {
    return this.edits.apply(index, this.parsed.cells(index))
  }

  /** A page of rows as the grid shows them; 'problems' (rows with an error or a warning) is for exports. */
  rows(offset: number, limit: number, filter: RowFilter | 'problems'): { total: number; rows: ReviewRow[] } {
    const indexes = this.indexesFor(filter)
    const total = indexes ? indexes.length : this.rowCount
    const end = Math.min(offset + limit, total)
    const rows: ReviewRow[] = []
    for (let position = offset; position < end; position++) {
      const index = indexes ? (indexes[position] ?? 0) : position
      rows.push(this.reviewRow(index))
    }
    return { total, rows }
  }

  /** Rows [offset, offset+limit) in source order, mapped; rows that are not to be sent become `skipped`. */
  prepare(
    offset: number,
    limit: number,
    include: 'valid' | 'all',
  ): { items: PreparedItem[]; skipped: RowOutcome[] } {
    const applied = this.requireMapping()
    const items: PreparedItem[] = []
    const skipped: RowOutcome[] = []
    const end = Math.min(offset + limit, this.rowCount)
    for (let index = offset; index < end; index++) {
      const row = this.parsed.rowNumber(index)
      const skipReason = this.choices.skipReason(index)
      if (skipReason !== null) {
        skipped.push({ row, status: 'skipped', ...sentence(skipReason) })
        continue
      }
      const { record } = this.choices.recordToSend(index, this.recordOf(applied.compiled, index))
      if (include === 'valid') {
        const errors = applied.compiled.validate(record).filter((issue) => issue.severity === 'error')
        if (errors.length > 0) {
          skipped.push({
            row,
            status: 'skipped',
            ...sentence(message('engine:dataset.notSentInvalid', { problems: describeErrors(errors) })),
          })
          continue
        }
      }
      items.push({ row, record })
    }
    return { items, skipped }
  }

  /** The user's edits by source row number, as the upload journal keeps them. */
  editList(): [number, number, string][] {
    return this.edits.entries().map(([index, column, value]) => [this.parsed.rowNumber(index), column, value])
  }

  /** Fill rate, samples and kind of every column, over every row with the user's edits. */
  columnStats(): { rows: number; columns: ColumnStat[] } {
    const { parsed, edits } = this
    // Without edits (the usual case on the mapping screen) no per-cell lookup is paid, and the file's
    // bytes say which cells are filled.
    if (edits.rowCount === 0) {
      const columns = columnStats(this.rowCount, parsed.headers.length, parsed.cell, filledFromBytes(parsed))
      return { rows: this.rowCount, columns }
    }
    const cell = (row: number, column: number) => edits.rowEdits(row)?.get(column) ?? parsed.cell(row, column)
    return { rows: this.rowCount, columns: columnStats(this.rowCount, parsed.headers.length, cell) }
  }

  /** The cells of the given source rows with the user's edits (e.g. to export failed rows to fix and re-import). */
  cellsOf(rowNumbers: readonly number[]): string[][] {
    return rowNumbers.map((row) => {
      const index = this.indexOfRow(row)
      return index === -1 ? [] : this.cells(index)
    })
  }

  /**
   * Leaves rows out of the upload (or takes them back): the given source rows, or every row the filter
   * shows now. Returns how many rows changed and the summary.
   */
  exclude(
    target: { kind: 'rows'; rows: readonly number[] } | { kind: 'filter'; filter: RowFilter },
    excluded: boolean,
  ): { changed: number; summary: ValidationSummary } {
    const applied = this.requireMapping()
    let indexes: Iterable<number>
    if (target.kind === 'filter') {
      // A copy: changing the rows changes what the filter's own index lists.
      indexes = [
        ...(this.indexesFor(target.filter) ?? Int32Array.from({ length: this.rowCount }, (_, i) => i)),
      ]
    } else {
      indexes = target.rows.map((row) => {
        const index = this.indexOfRow(row)
        if (index === -1) throw new AppError('DATASET_NOT_FOUND', t('engine:dataset.notADataRow', { row }))
        return index
      })
    }
    const changed = this.choices.setExcluded(indexes, excluded)
    return { changed, summary: this.summaryOf(applied) }
  }

  /** What to do with rows that are the same customer. */
  setDuplicateChoice(choice: DuplicateChoice): ValidationSummary {
    const applied = this.requireMapping()
    this.choices.choice = choice
    return this.summaryOf(applied)
  }

  /** The user's row decisions by source row number, as the upload journal keeps them. */
  rowChoices(): { excluded: number[]; duplicates: DuplicateChoice } {
    return { excluded: this.choices.excludedRows(), duplicates: this.choices.choice }
  }

  /** Row numbers ascend, so a binary search finds a row's index (-1 when it is not a data row). */
  private indexOfRow(row: number): number {
    let low = 0
    let high = this.rowCount - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const value = this.parsed.rowNumber(middle)
      if (value === row) return middle
      if (value < row) low = middle + 1
      else high = middle - 1
    }
    return -1
  }

  private reviewRow(index: number): ReviewRow {
    const original = this.parsed.cells(index)
    const cells = this.edits.apply(index, original)
    const row = this.parsed.rowNumber(index)
    const edited = this.edits
      .editedColumns(index)
      .map((column) => ({ column, original: original[column] ?? '' }))
    const base = edited.length > 0 ? { row, cells, edited } : { row, cells }
    if (!this.applied) return base
    const { record: values, filled } = this.choices.recordToSend(
      index,
      this.recordOf(this.applied.compiled, index),
    )
    return {
      ...base,
      ...this.choices.reviewExtras(index),
      ...(filled.length > 0 ? { merged: filled } : {}),
      values: { ...values },
      // Issues are checked as keys and said here, where they cross to the screen, in its language.
      issues: this.applied.compiled
        .validate(values)
        .map((issue) => ({ ...issue, message: formatMessage(issue.message) })),
    }
  }

  private summaryOf(applied: AppliedMapping): ValidationSummary {
    const { summary } = applied
    return {
      ...summary,
      edited: this.edits.rowCount,
      ...applied.tally.summary(
        (index) => this.parsed.rowNumber(index),
        (kind) => applied.filters.firstWithIssue(kind),
      ),
      ...this.choices.summary(),
    }
  }

  private indexesFor(filter: RowFilter | 'problems'): Int32Array | null {
    if (filter === 'all') return null
    if (filter === 'edited') return Int32Array.from(this.edits.editedRows())
    if (filter === 'excluded') return this.choices.excludedIndexes()
    const applied = this.requireMapping()
    if (filter === 'duplicates') return this.choices.duplicateIndexes()
    if (typeof filter === 'object') return applied.filters.withIssue(filter.issue)
    return applied.filters.indexes(filter)
  }

  private requireMapping(): AppliedMapping {
    if (!this.applied) throw new AppError('MAPPING_INVALID', t('engine:dataset.mapFirst'))
    return this.applied
  }
}

function describeErrors(errors: readonly FieldIssue[]): Message | string {
  const first = errors[0]
  if (first === undefined) return ''
  return errors.length > 1
    ? message('validation:notSent.andMore', { problem: first.message, count: errors.length - 1 })
    : first.message
}
