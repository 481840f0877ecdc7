// Which elements draw which rows. React reuses an element for the same key and moves elements whose
// keys changed order; a moved row is taken out of the page and put back, which costs Chromium its
// style and layout again (about six whole rows a frame in the scroll bench when rows were keyed by
// `index % rows drawn`, whose keys wrap around as the view jumps). So rows are keyed by their index
// less an anchor:
// - While the view overlaps what was drawn, the anchor stays: a row on screen keeps its elements (and
//   an open editor, with what was typed), rows that leave are removed and rows that come are added,
//   and keys keep their order, so nothing moves.
// - When the view jumps past what was drawn, nothing on screen stays, so the anchor moves to give the
//   new rows the old rows' keys in order: the same elements, with new contents.

export interface DrawnRows {
  /** The first and last row index drawn (last < first when none). */
  first: number
  last: number
  /** Each row's key is its index less this. */
  anchor: number
}

/** The anchor for drawing rows first..last after `drawn` (null: nothing drawn yet). */
export function anchorFor(drawn: DrawnRows | null, first: number, last: number): number {
  if (drawn === null || drawn.last < drawn.first) return first
  const overlaps = first <= drawn.last && last >= drawn.first
  return overlaps ? drawn.anchor : first - (drawn.first - drawn.anchor)
}
