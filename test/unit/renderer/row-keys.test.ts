import { describe, expect, it } from 'vitest'
import { anchorFor, type DrawnRows } from '../../../renderer/src/components/row-keys.ts'

/** Draws rows first..last after `drawn`: their keys, and what is drawn then. */
function draw(drawn: DrawnRows | null, first: number, last: number): { keys: number[]; drawn: DrawnRows } {
  const anchor = anchorFor(drawn, first, last)
  const keys = Array.from({ length: last - first + 1 }, (_, i) => first + i - anchor)
  return { keys, drawn: { first, last, anchor } }
}

describe('row keys', () => {
  it('keep a row its key while it stays drawn, in order, so no row moves', () => {
    const start = draw(null, 100, 117)
    const down = draw(start.drawn, 104, 121) // scrolled four rows
    // Rows 104..117 were drawn before and still are: the same keys.
    expect(down.keys.slice(0, 14)).toEqual(start.keys.slice(4))
    expect(down.keys).toEqual([...down.keys].sort((a, b) => a - b))
    const up = draw(down.drawn, 95, 112)
    expect(up.keys.slice(9)).toEqual(down.keys.slice(0, 9)) // rows 104..112
  })

  it('give the rows of a jump the keys drawn before, in order', () => {
    const start = draw(null, 100, 117)
    const scrolled = draw(start.drawn, 103, 120)
    const jumped = draw(scrolled.drawn, 500_000, 500_017)
    expect(jumped.keys).toEqual(scrolled.keys)
    // A jump to a view of another size still starts from the first key drawn before.
    expect(draw(jumped.drawn, 10, 20).keys).toEqual(scrolled.keys.slice(0, 11))
  })

  it('start from the first row when nothing was drawn', () => {
    expect(draw(null, 7, 9).keys).toEqual([0, 1, 2])
    expect(draw({ first: 0, last: -1, anchor: 0 }, 7, 9).keys).toEqual([0, 1, 2])
  })
})
