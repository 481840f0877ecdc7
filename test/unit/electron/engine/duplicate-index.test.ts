import { describe, expect, it } from 'vitest'
import { DuplicateIndex } from '../../../../electron/engine/dataset/duplicate-index.ts'

describe('rows grouped by customer identity', () => {
  it('makes a group only when a second row has the key, and counts groups and their rows', () => {
    const index = new DuplicateIndex(6)
    index.set(0, 'a')
    index.set(1, 'b')
    expect(index.groupOf(0)).toBeNull()
    expect(index.counts).toEqual({ groups: 0, rows: 0 })
    index.set(4, 'a')
    index.set(2, 'a') // out of order: the group stays sorted
    index.set(5, 'b')
    expect(index.groupOf(4)).toEqual([0, 2, 4])
    expect(index.groupOf(1)).toEqual([1, 5])
    expect(index.groups()).toEqual([
      [0, 2, 4],
      [1, 5],
    ])
    expect(index.counts).toEqual({ groups: 2, rows: 5 })
  })

  it('moves a row to its new key after an edit, and a group of one is no group', () => {
    const index = new DuplicateIndex(3)
    index.set(0, 'a')
    index.set(1, 'a')
    index.set(1, 'c') // row 1 edited: another customer now
    expect(index.groupOf(0)).toBeNull()
    expect(index.groupOf(1)).toBeNull()
    expect(index.counts).toEqual({ groups: 0, rows: 0 })
    index.set(2, 'c')
    expect(index.groupOf(2)).toEqual([1, 2])
    expect(index.counts).toEqual({ groups: 1, rows: 2 })
  })

  it('takes an excluded row (null) out, and puts it back when included again', () => {
    const index = new DuplicateIndex(3)
    for (const row of [0, 1, 2]) index.set(row, 'a')
    index.set(1, null)
    expect(index.groupOf(0)).toEqual([0, 2])
    expect(index.groupOf(1)).toBeNull()
    expect(index.counts).toEqual({ groups: 1, rows: 2 })
    index.set(0, null)
    expect(index.groups()).toEqual([])
    expect(index.counts).toEqual({ groups: 0, rows: 0 })
    index.set(1, 'a')
    index.set(0, 'a')
    expect(index.groupOf(2)).toEqual([0, 1, 2])
    expect(index.counts).toEqual({ groups: 1, rows: 3 })
  })

  it('changes nothing when a row is set to the key it has, or removed twice', () => {
    const index = new DuplicateIndex(2)
    index.set(0, 'a')
    index.set(1, 'a')
    index.set(1, 'a')
    expect(index.counts).toEqual({ groups: 1, rows: 2 })
    index.set(1, null)
    index.set(1, null)
    expect(index.counts).toEqual({ groups: 0, rows: 0 })
    expect(index.groupOf(0)).toBeNull()
  })
})
