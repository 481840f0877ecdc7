// Browsers stop laying out an element somewhere past 16–33 million pixels (Chromium about 33.5M,
// Firefox about 17.9M), and a million 36-pixel rows are 36 million: the last rows could never be
// scrolled to. Above a cap the grid scrolls a shorter element and maps its offset onto the rows, so
// one pixel of scrolling moves a little more than one pixel of rows. Below the cap nothing changes.

/** Tall enough for 200,000+ rows unscaled, well under every browser's limit. */
export const MAX_SCROLL_HEIGHT = 8_000_000

export interface ScrollScale {
  /** The height the scrolled element really has. */
  height: number
  /** Rows' pixels per scrolled pixel (1 when the rows fit). */
  factor: number
}

export function scrollScale(rowsHeight: number, viewport: number, max = MAX_SCROLL_HEIGHT): ScrollScale {
  if (rowsHeight <= max || viewport >= max) return { height: rowsHeight, factor: 1 }
  // The ends meet: scrolled to the bottom of the short element is the bottom of the rows.
  return { height: max, factor: Math.max(1, (rowsHeight - viewport) / (max - viewport)) }
}

/** Where a row that starts at `rowStart` (in rows' pixels) is drawn inside the scrolled element. */
export function drawnAt(rowStart: number, rowsOffset: number, scale: ScrollScale): number {
  return rowStart - rowsOffset + rowsOffset / scale.factor
}
