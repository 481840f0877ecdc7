import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ThroughputChart } from '../../../renderer/src/features/upload/ThroughputChart.tsx'
import { MAX_BARS, throughputBars } from '../../../renderer/src/features/upload/throughput.ts'

describe('upload throughput', () => {
  it('spreads rows evenly between progress reports and shows a pause as zero', () => {
    const bars = throughputBars([
      { at: 0, done: 0 },
      { at: 2_000, done: 200 }, // 100 rows/s for two seconds
      { at: 3_000, done: 200 }, // paused for a second
      { at: 4_000, done: 250 },
    ])
    expect(bars.map((bar) => [bar.from, bar.rowsPerSecond])).toEqual([
      [0, 100],
      [1, 100],
      [2, 0],
      [3, 50],
    ])
  })

  it('rates a period that is not over yet by the part that has passed', () => {
    const bars = throughputBars([
      { at: 0, done: 0 },
      { at: 1_500, done: 150 },
    ])
    expect(bars.map((bar) => bar.rowsPerSecond)).toEqual([100, 100])
  })

  it('widens the bars instead of drawing more than MAX_BARS, keeping every row', () => {
    const samples = Array.from({ length: 601 }, (_, second) => ({ at: second * 1_000, done: second * 10 }))
    const bars = throughputBars(samples)
    expect(bars.length).toBeLessThanOrEqual(MAX_BARS)
    const seconds = (bars[1]!.from - bars[0]!.from) * bars.length
    expect(bars.reduce((sum, bar) => sum + bar.rowsPerSecond, 0) * (seconds / bars.length)).toBeCloseTo(6_000)
  })

  it('draws nothing for an upload too short to have a rate worth showing', () => {
    const { container } = render(
      <ThroughputChart
        samples={[
          { at: 0, done: 0 },
          { at: 400, done: 10 },
        ]}
      />,
    )
    expect(container.innerHTML).toBe('')
  })

  it('says the figures in words next to the bars', () => {
    render(
      <ThroughputChart
        samples={[
          { at: 0, done: 500 }, // a resumed upload: 500 rows were done before
          { at: 10_000, done: 1_500 },
        ]}
      />,
    )
    expect(screen.getByRole('img', { name: /^Throughput: 100 rows\/s on average over 10 s/ })).toBeTruthy()
    expect(screen.getByText(/peak 100 rows\/s, latest 100 rows\/s/)).toBeTruthy()
  })
})
