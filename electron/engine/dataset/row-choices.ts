import { message, type Message } from '#shared/i18n/message.ts'
import type { DuplicateChoice, ReviewRow, ValidationSummary } from '#shared/ipc/contract.ts'
import type { Mapping } from '#shared/mapping/mapping.ts'
import { identityKeyOf } from '#shared/providers/identity.ts'
import type { MappedRecord, ProviderDefinition } from '#shared/providers/types.ts'
import { DuplicateIndex } from './duplicate-index.ts'

/** How the dataset reads a row: its mapped record (with edits) and its source row number. */
export interface RowReader {
  record(index: number): MappedRecord
  rowNumber(index: number): number
}

/**
 * The user's decisions about whole rows, kept beside the cell edits: rows left out of the upload, and
 * what to do with rows that are the same customer. Both are by row index, so they survive a new
 * mapping; the duplicate groups are recomputed from the mapped values (as they will be sent).
 */
export class RowChoices {
  private readonly excluded = new Set<number>()
  private duplicateChoice: DuplicateChoice = 'keepAll'
  private duplicates: DuplicateIndex | null = null
  private provider: ProviderDefinition | null = null
  private identityFields: string[] = []
  private readonly reader: RowReader

  constructor(reader: RowReader) {
    this.reader = reader
  }

  get choice(): DuplicateChoice {
    return this.duplicateChoice
  }

  set choice(choice: DuplicateChoice) {
    this.duplicateChoice = choice
  }

  /**
   * Starts grouping rows by identity again, for a new mapping; the caller then places every row
   * (`place`) as it reads it for validation, so a row's record is built once, not twice. Returns
   * false when the mapping has no identity field, and there is nothing to place.
   */
  rebuild(provider: ProviderDefinition, mapping: Mapping, rowCount: number): boolean {
    this.provider = provider
    const mapped = new Set([
      ...mapping.assignments.map((assignment) => assignment.field),
      ...(mapping.constants ?? []).map((constant) => constant.field),
    ])
    this.identityFields = (provider.identity?.fields ?? []).filter((field) => mapped.has(field))
    this.duplicates = new DuplicateIndex(rowCount)
    return this.identityFields.length > 0
  }

  /** Puts one row in its group, from its mapped record. */
  place(index: number, record: MappedRecord): void {
    if (!this.duplicates || !this.provider || this.identityFields.length === 0) return
    this.duplicates.set(index, this.excluded.has(index) ? null : identityKeyOf(this.provider, record))
  }

  /** Puts one row in its group again, after its values changed (an edit) or it was included again. */
  refresh(index: number): void {
    if (!this.duplicates || !this.provider || this.identityFields.length === 0) return
    this.place(index, this.reader.record(index))
  }

  /** Excludes (or includes) rows; returns how many changed. */
  setExcluded(indexes: Iterable<number>, excluded: boolean): number {
    let changed = 0
    for (const index of indexes) {
      if (this.excluded.has(index) === excluded) continue
      if (excluded) this.excluded.add(index)
      else this.excluded.delete(index)
      changed++
      this.refresh(index)
    }
    return changed
  }

  isExcluded(index: number): boolean {
    return this.excluded.has(index)
  }

  /** Excluded row indexes in row order. */
  excludedIndexes(): Int32Array {
    return Int32Array.from(this.excluded).sort()
  }

  /** Rows of every duplicate group, group after group (each in row order), groups by their first row. */
  duplicateIndexes(): Int32Array {
    return Int32Array.from((this.duplicates?.groups() ?? []).flat())
  }

  /** Why a row is not sent (excluded, or a later row of a duplicate group), or null when it is sent. */
  skipReason(index: number): Message | null {
    if (this.excluded.has(index)) return message('engine:dataset.excluded')
    if (this.duplicateChoice === 'keepAll') return null
    const group = this.duplicates?.groupOf(index)
    const first = group?.[0]
    if (first === undefined || first === index) return null
    const row = this.reader.rowNumber(first)
    return this.duplicateChoice === 'merge'
      ? message('engine:dataset.mergedInto', { row })
      : message('engine:dataset.duplicateOf', { row })
  }

  /**
   * The record to send for a row: when merging, a group's first row takes, for each field it has
   * empty, the value of the first later row that has one. `filled` lists those fields.
   */
  recordToSend(index: number, record: MappedRecord): { record: MappedRecord; filled: string[] } {
    const group = this.duplicateChoice === 'merge' ? this.duplicates?.groupOf(index) : null
    if (!group || group[0] !== index) return { record, filled: [] }
    const merged: Record<string, string> = { ...record }
    const filled: string[] = []
    for (const later of group.slice(1)) {
      for (const [field, value] of Object.entries(this.reader.record(later))) {
        if (merged[field] !== undefined || value === '') continue
        merged[field] = value
        filled.push(field)
      }
    }
    return { record: merged, filled }
  }

  /** What the grid shows about a row beyond its cells. */
  reviewExtras(index: number): Pick<ReviewRow, 'excluded' | 'duplicate'> {
    const group = this.duplicates?.groupOf(index)
    const first = group?.[0]
    return {
      ...(this.excluded.has(index) ? { excluded: true } : {}),
      ...(group && first !== undefined
        ? { duplicate: { first: this.reader.rowNumber(first), size: group.length } }
        : {}),
    }
  }

  summary(): Pick<ValidationSummary, 'excluded' | 'duplicates'> {
    const counts = this.duplicates?.counts ?? { groups: 0, rows: 0 }
    return {
      excluded: this.excluded.size,
      duplicates: { ...counts, fields: this.identityFields, choice: this.duplicateChoice },
    }
  }

  /** Excluded rows by source row number, as the upload journal keeps them. */
  excludedRows(): number[] {
    return [...this.excludedIndexes()].map((index) => this.reader.rowNumber(index))
  }
}
