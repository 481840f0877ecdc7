import { columnsOf, type Assignment } from './mapping.ts'
import { compileTransforms } from './transforms/apply-transforms.ts'

/** Reads one cell of the file (with the user's edits); '' for an empty cell. */
export type CellReader = (row: number, column: number) => string

/** The value an assignment gives a row's field; '' means the field is absent from the record. */
export type AssignmentReader = (row: number, cell: CellReader) => string

/**
 * How one assignment reads a row: the column, or several joined, through its transforms, with its
 * value for when all that comes out empty. Cells are trimmed (stray spaces from spreadsheets are
 * never meaningful in customer data). Compiled once per mapping: the plain case, one column and
 * nothing else, stays a single read, since it is nearly every field of nearly every file.
 */
export function compileAssignment(assignment: Assignment): AssignmentReader {
  const { column, transforms = [], fallback = '' } = assignment
  if (isPlainAssignment(assignment)) return (row, cell) => trimmed(cell(row, column))
  const columns = columnsOf(assignment)
  const transform = compileTransforms(transforms)
  const joinWith = assignment.joinWith ?? ' '
  return (row, cell) => {
    let joined = ''
    for (const source of columns) {
      const text = trimmed(cell(row, source))
      if (text === '') continue
      joined = joined === '' ? text : joined + joinWith + text
    }
    const value = joined === '' ? '' : transform(joined).trim()
    return value === '' ? fallback : value
  }
}

/** One column as it is: no joined columns, no transforms, nothing for when it is empty. */
export function isPlainAssignment(assignment: Assignment): boolean {
  const { transforms = [], fallback = '' } = assignment
  return columnsOf(assignment).length === 1 && transforms.length === 0 && fallback === ''
}

function trimmed(text: string): string {
  return text === '' || !needsTrim(text) ? text : text.trim()
}

/** Most cells have no surrounding spaces: checking two characters is cheaper than trim()'s copy. */
function needsTrim(text: string): boolean {
  const first = text.charCodeAt(0)
  const last = text.charCodeAt(text.length - 1)
  if (first <= 0x20 || last <= 0x20) return true
  // Past ASCII (Polish, Cyrillic letters…) a code comparison, not a regex: this runs on every cell.
  return (first > 0x7f && isUnicodeSpace(first)) || (last > 0x7f && isUnicodeSpace(last))
}

/** The non-ASCII characters JavaScript's \s and String.prototype.trim() treat as spaces. */
function isUnicodeSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}
