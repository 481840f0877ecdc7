import { describe, expect, it } from 'vitest'
import { applyTemplate, templateFromAssignments } from '#shared/mapping/template.ts'

describe('mapping templates', () => {
  const saved = templateFromAssignments(
    ' CRM export ',
    'kustomer',
    [
      { field: 'name', column: 0 },
      { field: 'emails.0.email', column: 1 },
      { field: 'custom.loyaltyTierStr', column: 2 },
    ],
    ['Full name', 'E-mail', 'Loyalty tier'],
  )

  it('remembers column names, not positions', () => {
    expect(saved).toEqual({
      name: 'CRM export',
      providerId: 'kustomer',
      fields: [
        { field: 'name', header: 'Full name' },
        { field: 'emails.0.email', header: 'E-mail' },
        { field: 'custom.loyaltyTierStr', header: 'Loyalty tier' },
      ],
    })
  })

  it('applies to a file whose columns moved or were respelled, and names the ones it misses', () => {
    expect(applyTemplate(saved, ['Loyalty Tier', 'Phone', 'email', 'FULL NAME'])).toEqual({
      assignments: [
        { field: 'name', column: 3 },
        { field: 'emails.0.email', column: 2 },
        { field: 'custom.loyaltyTierStr', column: 0 },
      ],
      constants: [],
      missingHeaders: [],
    })
    expect(applyTemplate(saved, ['Full name']).missingHeaders).toEqual(['E-mail', 'Loyalty tier'])
  })

  it('keeps joined columns, transforms, the value for empty cells and constants', () => {
    const template = templateFromAssignments(
      'Polish shop',
      'propeller',
      [
        { field: 'firstName', column: 0, transforms: [{ kind: 'namePart', part: 'allButLast' }] },
        { field: 'lastName', column: 0, transforms: [{ kind: 'namePart', part: 'last' }] },
        { field: 'street', column: 1, joinColumns: [2], joinWith: ' ', fallback: 'unknown' },
        {
          field: 'gender',
          column: 3,
          transforms: [{ kind: 'valueMap', values: [{ from: 'Kobieta', to: 'F' }] }],
        },
      ],
      ['Imię i nazwisko', 'Ulica', 'Nr domu', 'Płeć'],
      [{ field: 'company', value: 'Private customers' }],
    )
    const applied = applyTemplate(template, ['Płeć', 'Nr domu', 'Ulica', 'Imię i nazwisko'])
    expect(applied.assignments).toEqual([
      { field: 'firstName', column: 3, transforms: [{ kind: 'namePart', part: 'allButLast' }] },
      { field: 'lastName', column: 3, transforms: [{ kind: 'namePart', part: 'last' }] },
      { field: 'street', column: 2, joinColumns: [1], joinWith: ' ', fallback: 'unknown' },
      {
        field: 'gender',
        column: 0,
        transforms: [{ kind: 'valueMap', values: [{ from: 'Kobieta', to: 'F' }] }],
      },
    ])
    expect(applied.constants).toEqual([{ field: 'company', value: 'Private customers' }])
    expect(applied.missingHeaders).toEqual([])
  })

  it('applies a join without the joined column the file lacks, and names it', () => {
    const template = templateFromAssignments(
      'Join',
      'kustomer',
      [{ field: 'name', column: 0, joinColumns: [1] }],
      ['First name', 'Last name'],
    )
    expect(applyTemplate(template, ['First name'])).toEqual({
      assignments: [{ field: 'name', column: 0 }],
      constants: [],
      missingHeaders: ['Last name'],
    })
  })
})
