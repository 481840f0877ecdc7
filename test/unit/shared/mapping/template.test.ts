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
      missingHeaders: [],
    })
    expect(applyTemplate(saved, ['Full name']).missingHeaders).toEqual(['E-mail', 'Loyalty tier'])
  })
})
