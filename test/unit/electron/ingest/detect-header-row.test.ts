import { describe, expect, it } from 'vitest'
import { detectHeaderRow } from '../../../../electron/engine/ingest/detect-header-row.ts'

describe('detectHeaderRow', () => {
  it('takes the first record when it is the header', () => {
    expect(
      detectHeaderRow([
        ['name', 'email'],
        ['Ann', 'ann@x.com'],
      ]),
    ).toBe(0)
  })

  it('skips title lines above the header', () => {
    const records = [
      ['Customers – exported 2024-05-01', '', '', ''],
      ['', '', '', ''],
      ['First name', 'Last name', 'Email', 'Phone'],
      ['Ann', 'Lee', 'ann@x.com', '+15550100'],
    ]
    expect(detectHeaderRow(records)).toBe(2)
  })

  it('accepts a header with a few blank cells', () => {
    expect(
      detectHeaderRow([
        ['name', '', 'email', ''],
        ['Ann', 'x', 'a@x.com', 'y'],
      ]),
    ).toBe(0)
  })

  it('falls back to the first record for single-column files', () => {
    expect(detectHeaderRow([['email'], ['a@x.com']])).toBe(0)
  })
})
