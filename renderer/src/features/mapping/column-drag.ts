// A source column dragged from the column list onto a field. Its own data type, so a field only
// lights up for a column (not for a file or text dragged in from elsewhere) and reads it back safely.

export const COLUMN_DRAG_TYPE = 'application/x-crosswalk-column'

/** Starts a column drag: the index for the drop, the header as plain text for anything else. */
export function startColumnDrag(dataTransfer: DataTransfer, column: number, header: string): void {
  dataTransfer.setData(COLUMN_DRAG_TYPE, String(column))
  dataTransfer.setData('text/plain', header)
  dataTransfer.effectAllowed = 'link'
}

/** Whether a drag carries a column; while dragging, only the types can be read, not the data. */
export const carriesColumn = (dataTransfer: DataTransfer | null): boolean =>
  Boolean(dataTransfer && Array.from(dataTransfer.types).includes(COLUMN_DRAG_TYPE))

/** The dropped column's index, or null when the drop holds none of the file's columns. */
export function droppedColumn(dataTransfer: DataTransfer | null, columnCount: number): number | null {
  const text = dataTransfer?.getData(COLUMN_DRAG_TYPE) ?? ''
  if (!/^\d+$/.test(text)) return null
  const column = Number(text)
  return column < columnCount ? column : null
}
