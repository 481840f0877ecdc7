import Papa from 'papaparse'

/**
 * A CSV that Excel opens as it should: a byte-order mark so it reads UTF-8 (accented names stay
 * readable), CRLF line ends, and a last line break. For files people fix in a spreadsheet and drop in again.
 */
export function csvForExcel(fields: readonly string[], data: readonly (readonly string[])[]): string {
  return `\uFEFF${Papa.unparse({ fields: [...fields], data: data.map((row) => [...row]) })}\r\n`
}
