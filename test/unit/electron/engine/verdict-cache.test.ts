import { describe, expect, it } from 'vitest'
import { message } from '#shared/i18n/message.ts'
import type { FieldIssue } from '#shared/providers/types.ts'
import { VerdictCache } from '../../../../electron/engine/dataset/fast-path/verdict-cache.ts'

/** A "file" of cells one after another, and where each lies in it. */
function cellsOf(values: readonly string[]): { bytes: Uint8Array; ranges: [number, number][] } {
  const encoder = new TextEncoder()
  const ranges: [number, number][] = []
  const parts = values.map((value) => encoder.encode(value))
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length + 1, 0))
  let at = 0
  for (const part of parts) {
    bytes.set(part, at)
    ranges.push([at, at + part.length])
    at += part.length + 1 // a separator, so ranges never touch
  }
  return { bytes, ranges }
}

const verdictOf = (value: string): FieldIssue[] => [
  {
    field: 'createDate',
    severity: 'error',
    rule: 'capillaryDate',
    message: message('validation:capillary.createDate', { value }),
  },
]

/** Asks the cache for each cell, keeping a verdict on each miss; returns the number of hits. */
function ask(cache: VerdictCache, values: readonly string[], ranges: [number, number][]): number {
  let hits = 0
  ranges.forEach(([start, end], i) => {
    const kept = cache.get(start, end)
    if (kept === undefined) cache.set(start, end, verdictOf(values[i]!))
    else {
      expect(kept[0]!.message).toEqual(verdictOf(values[i]!)[0]!.message)
      hits++
    }
  })
  return hits
}

const dates = Array.from({ length: 400 }, (_, day) =>
  new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10),
)

describe('VerdictCache', () => {
  it('finds a verdict by the bytes of the value, wherever the cell lies', () => {
    const values = ['2024-01-05', '2024-01-06', '2024-01-05', '2024-01-5']
    const { bytes, ranges } = cellsOf(values)
    const cache = new VerdictCache(bytes)
    expect(ask(cache, values, ranges)).toBe(1) // only the repeated date
  })

  it('keeps a column of a few hundred distinct values whole', () => {
    const values = [...dates, ...dates, ...dates]
    const { bytes, ranges } = cellsOf(values)
    expect(ask(new VerdictCache(bytes), values, ranges)).toBe(2 * dates.length)
  })

  it('stops asking once a column of unique values finds next to nothing', () => {
    const unique = Array.from({ length: 5000 }, (_, i) => `person${i}@example.com`)
    const values = [...unique, unique[0]!]
    const { bytes, ranges } = cellsOf(values)
    const cache = new VerdictCache(bytes)
    expect(ask(cache, values, ranges)).toBe(0) // not even the repeat: the column is no longer asked
  })
})
