import { describe, expect, it } from 'vitest'
import { PageLoader } from '../../../renderer/src/components/page-loader.ts'

/** A fake engine whose answers the test releases one by one, so the order of requests is visible. */
function engine() {
  const asked: number[] = []
  const waiting = new Map<number, { resolve(rows: string[]): void; reject(reason: unknown): void }>()
  return {
    asked,
    load(offset: number): Promise<string[]> {
      asked.push(offset)
      return new Promise((resolve, reject) => waiting.set(offset, { resolve, reject }))
    },
    async answer(offset: number, limit = 10) {
      const pending = waiting.get(offset)
      if (!pending) throw new Error(`page at ${offset} was not asked for`)
      waiting.delete(offset)
      pending.resolve(Array.from({ length: limit }, (_, i) => `row ${offset + i}`))
      await Promise.resolve()
      await Promise.resolve()
    },
    async fail(offset: number) {
      waiting.get(offset)?.reject(new Error('The engine stopped'))
      waiting.delete(offset)
      await Promise.resolve()
      await Promise.resolve()
    },
  }
}

function loaderOn(fake: ReturnType<typeof engine>, options: { keep?: number } = {}) {
  const seen: { pages: ReadonlyMap<number, string[]>; error: unknown }[] = []
  const loader = new PageLoader<string>(
    (offset) => fake.load(offset),
    (pages, error) => seen.push({ pages, error }),
    { pageSize: 10, maxInFlight: 2, ...options },
  )
  return { loader, seen, last: () => seen.at(-1) }
}

describe('loading a grid’s rows a page at a time', () => {
  it('asks for the pages on screen, two at a time', async () => {
    const fake = engine()
    const { loader, last } = loaderOn(fake)
    loader.want(5, 34) // pages 0–3
    expect(fake.asked).toEqual([0, 10])
    await fake.answer(0)
    expect(fake.asked).toEqual([0, 10, 20])
    await fake.answer(10)
    await fake.answer(20)
    expect(fake.asked).toEqual([0, 10, 20, 30])
    await fake.answer(30)
    expect([...last()!.pages.keys()].sort()).toEqual([0, 1, 2, 3])
    expect(last()!.pages.get(1)?.[0]).toBe('row 10')
  })

  it('skips the pages scrolled past while earlier ones were on their way', async () => {
    const fake = engine()
    const { loader } = loaderOn(fake)
    loader.want(0, 9)
    loader.want(100, 109)
    loader.want(200, 209)
    loader.want(5000, 5019) // the user dragged the scroll bar to the end
    expect(fake.asked).toEqual([0, 100])
    await fake.answer(0)
    // The next request is for where the user is now, not for row 200 they passed on the way.
    expect(fake.asked).toEqual([0, 100, 5000])
    await fake.answer(100)
    expect(fake.asked).toEqual([0, 100, 5000, 5010])
  })

  it('fetches the page the screen is near after the ones on it, when it knows how many rows there are', async () => {
    const fake = engine()
    const { loader, last } = loaderOn(fake)
    loader.want(15, 16, 100) // page 1, and within half a page of page 2 (row 20) but not of page 0
    expect(fake.asked).toEqual([10, 20])
    await fake.answer(10)
    await fake.answer(20)
    expect([...last()!.pages.keys()].sort()).toEqual([1, 2])
    loader.want(2, 4, 100) // near neither neighbour: just page 0
    expect(fake.asked).toEqual([10, 20, 0])
    await fake.answer(0)
    // Not past the last row.
    loader.want(96, 99, 100)
    expect(fake.asked).toEqual([10, 20, 0, 90])
  })

  it('never asks twice for a page it has or is fetching', async () => {
    const fake = engine()
    const { loader } = loaderOn(fake)
    loader.want(0, 19)
    loader.want(0, 19)
    await fake.answer(0)
    await fake.answer(10)
    loader.want(0, 19)
    expect(fake.asked).toEqual([0, 10])
  })

  it('lets go of the pages farthest from the screen beyond the ones it keeps', async () => {
    const fake = engine()
    const { loader, last } = loaderOn(fake, { keep: 3 })
    for (const page of [0, 1, 2, 3, 4]) {
      loader.want(page * 10, page * 10 + 9)
      await fake.answer(page * 10)
    }
    expect([...last()!.pages.keys()].sort()).toEqual([2, 3, 4])
  })

  it('reports a page that could not be read, and does not hammer the engine with it', async () => {
    const fake = engine()
    const { loader, last } = loaderOn(fake)
    loader.want(0, 9)
    await fake.fail(0)
    expect(last()!.error).toBeInstanceOf(Error)
    loader.want(0, 9)
    expect(fake.asked).toEqual([0])
  })

  it('ignores answers after stop, and picks up again on start', async () => {
    const fake = engine()
    const { loader, seen } = loaderOn(fake)
    loader.want(0, 9)
    loader.stop()
    await fake.answer(0)
    expect(seen).toHaveLength(0)
    loader.start()
    expect(fake.asked).toEqual([0, 0])
    await fake.answer(0)
    expect(seen.at(-1)?.pages.has(0)).toBe(true)
  })
})
