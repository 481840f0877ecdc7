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

/** Each row's identity hash, where `has` is 1. */
export interface RowHashes {
  hashes: Int32Array
  has: Uint8Array
}

/** The provider's identity fields this mapping gives rows (by a column or a constant). */
export function identityFieldsOf(provider: ProviderDefinition, mapping: Mapping): string[] {
  const mapped = new Set([
    ...mapping.assignments.map((assignment) => assignment.field),
    ...(mapping.constants ?? []).map((constant) => constant.field),
  ])
  return (provider.identity?.fields ?? []).filter((field) => mapped.has(field))
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
  private identityHash: (index: number) => number | null = () => null
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
   * Groups every row by identity again, for a new mapping. `read` holds every row's identity hash
   * (fast-path/identity-hash.ts), which the dataset reads while validating, so the file is read once;
   * null when the mapping has no identity field (identityFieldsOf). `identityHash(index)` gives one
   * row's hash again after an edit. Rows with equal hashes are compared by their records under the
   * new mapping.
   */
  rebuild(
    provider: ProviderDefinition,
    mapping: Mapping,
    rowCount: number,
    identityHash: (index: number) => number | null,
    read: RowHashes | null,
  ): void {
    this.identityHash = identityHash
    this.identityFields = identityFieldsOf(provider, mapping)
    const keyOf = (index: number) => identityKeyOf(provider, this.reader.record(index))
    this.duplicates = new DuplicateIndex(rowCount, (a, b) => keyOf(a) === keyOf(b))
    if (this.identityFields.length === 0 || read === null) return
    for (const index of this.excluded) read.has[index] = 0
    this.duplicates.fileAll(read.hashes, read.has)
  }

  /** Puts one row in its group (again, after its values changed or it was included again). */
  place(index: number): void {
    if (!this.duplicates || this.identityFields.length === 0) return
    const excluded = this.excluded.size > 0 && this.excluded.has(index)
    this.duplicates.set(index, excluded ? null : this.identityHash(index))
  }

  /** Excludes (or includes) rows; returns how many changed. */
  setExcluded(indexes: Iterable<number>, excluded: boolean): number {
    let changed = 0
    for (const index of indexes) {
      if (this.excluded.has(index) === excluded) continue
      if (excluded) this.excluded.add(index)
      else this.excluded.delete(index)
      changed++
      this.place(index)
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
