import { describe, expect, it } from 'vitest'
import { safeFileName } from '#shared/files/safe-file-name.ts'

describe('safeFileName', () => {
  it('keeps ordinary names, including accented ones', () => {
    expect(safeFileName('Klienci – 2024 (łódź).csv')).toBe('Klienci _ 2024 (łódź).csv')
  })

  it('drops folders and traversal', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd')
    expect(safeFileName('C:\\Users\\ann\\customers.csv')).toBe('customers.csv')
    expect(safeFileName('..')).toBe('file')
    expect(safeFileName('.hidden.csv')).toBe('hidden.csv')
  })

  it('shortens long names but keeps the extension', () => {
    const name = safeFileName(`${'a'.repeat(300)}.csv`)
    expect(name).toHaveLength(120)
    expect(name.endsWith('.csv')).toBe(true)
  })
})
