import { AppError } from '#shared/errors.ts'
import type { ReviewRow, RowFilter, ValidationSummary } from '#shared/ipc/contract.ts'
import { applyMapping } from '#shared/mapping/apply-mapping.ts'
import type { Mapping } from '#shared/mapping/mapping.ts'
import type { FieldIssue, MappedRecord, ProviderDefinition, RowOutcome } from '#shared/providers/types.ts'
import { getProvider } from '#shared/providers/registry.ts'
import { validateRecord } from '#shared/validation/validate-record.ts'
import type { PreparedItem } from '../providers/types.ts'
import type { ParsedCsv } from '../ingest/read-csv.ts'

interface AppliedMapping {
  mapping: Mapping
  provider: ProviderDefinition
  /** Row indexes (into `rows`) per filter, so a filtered page is a slice, not a scan. */
  errorRows: Int32Array
  validRows: Int32Array
}

/**
 * One ingested file, held in the worker. The renderer only ever sees pages of it; validation runs over
 * every row here, once per mapping change.
 */
export class Dataset {
  private applied: AppliedMapping | null = null

  readonly parsed: ParsedCsv

  constructor(parsed: ParsedCsv) {
    this.parsed = parsed
  }

  get rowCount(): number {
    return this.parsed.rowCount
  }

  applyMapping(mapping: Mapping): ValidationSummary {
    const provider = getProvider(mapping.providerId)
    const maxColumn = this.parsed.headers.length - 1
    const outOfRange = mapping.assignments.find((assignment) => assignment.column > maxColumn)
    if (outOfRange) {
      throw new AppError(
        'MAPPING_INVALID',
        `The mapping uses column ${outOfRange.column + 1}, but this file has only ${this.parsed.headers.length} columns. Map the fields again.`,
      )
    }
    const errorRows: number[] = []
    const validRows: number[] = []
    const errorsByField: Record<string, number> = {}
    let withWarnings = 0
    for (let index = 0; index < this.rowCount; index++) {
      const cells = this.parsed.cells(index)
      const issues = validateRecord(provider, applyMapping(cells, mapping))
      const errorFields = new Set(
        issues.filter((issue) => issue.severity === 'error').map((issue) => issue.field),
      )
      if (errorFields.size > 0) errorRows.push(index)
      else validRows.push(index)
      if (issues.some((issue) => issue.severity === 'warning')) withWarnings++
      for (const field of errorFields) errorsByField[field] = (errorsByField[field] ?? 0) + 1
    }
    this.applied = {
      mapping,
      provider,
      errorRows: Int32Array.from(errorRows),
      validRows: Int32Array.from(validRows),
    }
    return {
      rows: this.rowCount,
      valid: validRows.length,
      withErrors: errorRows.length,
      withWarnings,
      errorsByField,
    }
  }

  rows(offset: number, limit: number, filter: RowFilter): { total: number; rows: ReviewRow[] } {
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
      const record = applyMapping(this.parsed.cells(index), applied.mapping)
      if (include === 'valid') {
        const errors = validateRecord(applied.provider, record).filter((issue) => issue.severity === 'error')
        if (errors.length > 0) {
          skipped.push({
            row,
            status: 'skipped',
            message: `Not sent because of a validation error: ${describeErrors(errors)}`,
          })
          continue
        }
      }
      items.push({ row, record })
    }
    return { items, skipped }
  }

  /** The original cells of the given source rows (e.g. to export failed rows as they were). */
  cellsOf(rowNumbers: readonly number[]): string[][] {
    return rowNumbers.map((row) => {
      const index = this.indexOfRow(row)
      return index === -1 ? [] : this.parsed.cells(index)
    })
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
    const cells = this.parsed.cells(index)
    const row = this.parsed.rowNumber(index)
    if (!this.applied) return { row, cells }
    const values: MappedRecord = applyMapping(cells, this.applied.mapping)
    return { row, cells, values: { ...values }, issues: validateRecord(this.applied.provider, values) }
  }

  private indexesFor(filter: RowFilter): Int32Array | null {
    if (filter === 'all') return null
    const applied = this.requireMapping()
    return filter === 'errors' ? applied.errorRows : applied.validRows
  }

  private requireMapping(): AppliedMapping {
    if (!this.applied)
      throw new AppError('MAPPING_INVALID', 'Map the columns to the provider’s fields first.')
    return this.applied
  }
}

function describeErrors(errors: readonly FieldIssue[]): string {
  const first = errors[0]?.message ?? ''
  return errors.length > 1 ? `${first} (and ${errors.length - 1} more)` : first
}
