import { describe, expect, it } from 'vitest'
import { DuplicateIndex } from '../../../../electron/engine/dataset/duplicate-index.ts'
import { hashText } from '../../../../electron/engine/dataset/fast-path/identity-hash.ts'

/**
 * An index over rows whose identity keys are given by `set(row, key)`, as the dataset files them: by
 * the key's hash, compared as keys only when hashes are equal. `hash` may be replaced to force
 * collisions.
 */
function keyedIndex(rows: number, hash: (key: string) => number = hashText) {
  const keys = new Array<string | null>(rows).fill(null)
  const index = new DuplicateIndex(rows, (a, b) => keys[a] === keys[b])
  return {
    set(row: number, key: string | null) {
      keys[row] = key
      index.set(row, key === null ? null : hash(key))
    },
    groupOf: (row: number) => index.groupOf(row),
    groups: () => index.groups(),
    get counts() {
      return index.counts
    },
  }
}

describe('rows grouped by customer identity', () => {
  it('makes a group only when a second row has the key, and counts groups and their rows', () => {
    const index = keyedIndex(6)
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
    const index = keyedIndex(3)
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
    const index = keyedIndex(3)
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
    const index = keyedIndex(2)
    index.set(0, 'a')
    index.set(1, 'a')
    index.set(1, 'a')
    expect(index.counts).toEqual({ groups: 1, rows: 2 })
    index.set(1, null)
    index.set(1, null)
    expect(index.counts).toEqual({ groups: 0, rows: 0 })
    expect(index.groupOf(0)).toBeNull()
  })

  it('keeps customers apart whose keys share a hash, and groups them only with their own rows', () => {
    const index = keyedIndex(6, () => 7) // every key in one bucket, one hash
    index.set(0, 'a')
    index.set(1, 'b')
    index.set(2, 'a')
    index.set(3, 'c')
    index.set(4, 'b')
    expect(index.groups()).toEqual([
      [0, 2],
      [1, 4],
    ])
    index.set(0, null) // unlinking from the middle of a shared chain keeps the others findable
    index.set(5, 'a')
    index.set(3, 'b')
    expect(index.groups()).toEqual([
      [1, 3, 4],
      [2, 5],
    ])
    expect(index.counts).toEqual({ groups: 2, rows: 5 })
  })

  it('files a whole first pass at once into the same groups as row by row, and keeps them current', () => {
    const keys = Array.from({ length: 500 }, (_, row) => (row % 7 === 0 ? null : `k${(row * 37) % 180}`))
    for (const hash of [hashText, () => 7, (key: string) => key.length]) {
      const one = keyedIndex(keys.length, hash)
      keys.forEach((key, row) => one.set(row, key))
      const all = new DuplicateIndex(keys.length, (a, b) => keys[a] === keys[b])
      const hashes = Int32Array.from(keys, (key) => (key === null ? 0 : hash(key)))
      all.fileAll(
        hashes,
        Uint8Array.from(keys, (key) => (key === null ? 0 : 1)),
      )
      expect(all.groups()).toEqual(one.groups())
      expect(all.counts).toEqual(one.counts)
      // An edit after the first pass moves the row, as it would have row by row.
      keys[1] = 'k0'
      all.set(1, hash('k0'))
      one.set(1, 'k0')
      expect(all.groupOf(1)).toEqual(one.groupOf(1))
      expect(all.counts).toEqual(one.counts)
      keys[1] = `k${37 % 180}`
    }
  })

  it('files rows whose probes run past the end of the table', () => {
    // Forty rows of one hash in a 128-slot table: for some hashes their run wraps around to the start.
    for (let hash = 0; hash < 64; hash++) {
      const keys = Array.from({ length: 40 }, (_, row) => `k${row % 3}`)
      const all = new DuplicateIndex(keys.length, (a, b) => keys[a] === keys[b])
      all.fileAll(new Int32Array(keys.length).fill(hash * 0x1000193), new Uint8Array(keys.length).fill(1))
      expect(all.counts).toEqual({ groups: 3, rows: 40 })
      expect(all.groupOf(39)).toEqual(keys.flatMap((key, row) => (key === 'k0' ? [row] : [])))
    }
  })
})
