import { describe, expect, it } from 'vitest'
import { drawnAt, MAX_SCROLL_HEIGHT, scrollScale } from '../../../renderer/src/components/scroll-scale.ts'

describe('scroll scale for grids taller than a browser lays out', () => {
  it('changes nothing while the rows fit', () => {
    const scale = scrollScale(200_000 * 36, 420)
    expect(scale).toEqual({ height: 7_200_000, factor: 1 })
    expect(drawnAt(36 * 1000, 36 * 990, scale)).toBe(36 * 1000)
  })

  it('maps the top and the bottom of a million rows onto a capped element', () => {
    const viewport = 420
    const rowsHeight = 1_000_000 * 36
    const scale = scrollScale(rowsHeight, viewport)
    expect(scale.height).toBe(MAX_SCROLL_HEIGHT)
    expect(scale.height).toBeLessThan(16_000_000) // under Firefox's and Chromium's limits
    // Scrolled fully down, the rows' offset is exactly the last screenful.
    const lastScrollTop = scale.height - viewport
    expect(lastScrollTop * scale.factor).toBeCloseTo(rowsHeight - viewport, 3)
    // The last row is drawn inside the element, at the bottom of the view.
    const rowsOffset = lastScrollTop * scale.factor
    const lastRow = drawnAt(rowsHeight - 36, rowsOffset, scale)
    expect(lastRow).toBeCloseTo(lastScrollTop + viewport - 36, 3)
    expect(lastRow + 36).toBeLessThanOrEqual(scale.height + 0.001)
    // The row at the top of the view is drawn at the view's top.
    expect(drawnAt(rowsOffset, rowsOffset, scale)).toBeCloseTo(lastScrollTop, 3)
  })
})
