import { describe, expect, it } from 'vitest'
import { detectDateOrder, parseDate } from '#shared/mapping/transforms/date.ts'

describe('date transform', () => {
  it('reads numeric dates in the chosen order as ISO dates', () => {
    expect(parseDate('31.12.2024', 'DMY')).toBe('2024-12-31')
    expect(parseDate('12/31/2024', 'MDY')).toBe('2024-12-31')
    expect(parseDate('2024/1/5', 'YMD')).toBe('2024-01-05')
    expect(parseDate('3-4-1990', 'DMY')).toBe('1990-04-03')
  })

  it('keeps the time of day', () => {
    expect(parseDate('31.12.2024 9:05', 'DMY')).toBe('2024-12-31T09:05')
    expect(parseDate('31.12.2024 14:30:15', 'DMY')).toBe('2024-12-31T14:30:15')
  })

  it('leaves what it cannot read as written, for the review step to show', () => {
    expect(parseDate('31.02.2024', 'DMY')).toBe('31.02.2024') // no such day
    expect(parseDate('12/31/2024', 'DMY')).toBe('12/31/2024') // no month 31
    expect(parseDate('03/04/05', 'DMY')).toBe('03/04/05') // a two-digit year is a guess
    expect(parseDate('yesterday', 'DMY')).toBe('yesterday')
  })

  it('detects the one order that reads every value', () => {
    expect(detectDateOrder(['31.12.2024', '01.02.2023'])).toEqual({ kind: 'order', order: 'DMY' })
    expect(detectDateOrder(['12/31/2024', '', '02/01/2023'])).toEqual({ kind: 'order', order: 'MDY' })
    expect(detectDateOrder(['2024.12.31'])).toEqual({ kind: 'order', order: 'YMD' })
    expect(detectDateOrder(['2024-12-31', '1990-01-01'])).toEqual({ kind: 'iso' })
  })

  it('says when day-first and month-first both read every value, instead of guessing', () => {
    expect(detectDateOrder(['03/04/2024', '05/06/2023'])).toEqual({
      kind: 'ambiguous',
      orders: ['DMY', 'MDY'],
    })
  })

  it('finds no order for values that are not numeric dates', () => {
    expect(detectDateOrder(['soon', '31.12.2024'])).toEqual({ kind: 'none' })
    expect(detectDateOrder([''])).toEqual({ kind: 'none' })
  })
})
