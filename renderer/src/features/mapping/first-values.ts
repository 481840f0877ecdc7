const SHOWN_ROWS = 20

/** The first non-empty value of each column among the first rows, to show next to the column's name. */
export function firstValuesOf(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const shown = rows.slice(0, SHOWN_ROWS)
  if (shown.length === 0) return []
  return headers.map((_, column) => {
    const value = shown.map((row) => row[column]?.trim() ?? '').find((cell) => cell !== '') ?? ''
    return value.length > 40 ? `${value.slice(0, 39)}…` : value
  })
}
