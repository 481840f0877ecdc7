import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ValidationSummary } from '#shared/ipc/contract.ts'
import type { Mapping } from '#shared/mapping/mapping.ts'
import { ReviewStep } from '../../../renderer/src/features/review/ReviewStep.tsx'
import { appStore, initialAppState } from '../../../renderer/src/store/index.ts'
import { makeDatasetSummary } from '../../helpers/builders.ts'
import { fake } from '../../helpers/fake-api.ts'

// "Apply the suggested fix to all N rows (e.g. normalise phones)": local phone numbers refused in
// review are read for a chosen country on every row at once, which sets the mapping's phone transform
// and checks every row again.

const applyMapping = fake.api.dataset.applyMapping
afterEach(() => {
  fake.api.dataset.applyMapping = applyMapping
  appStore.setState(initialAppState, true)
})

const withPhoneErrors: ValidationSummary = {
  rows: 3,
  valid: 0,
  withErrors: 3,
  withWarnings: 0,
  edited: 0,
  errorsByField: { phone: 3 },
  issueGroups: [
    {
      field: 'phone',
      severity: 'error',
      key: 'validation:rules.phone',
      rows: 3,
      example: { row: 2, message: { key: 'validation:rules.phone', values: { value: '601 234 567' } } },
    },
  ],
}

describe('the suggested phone fix in review', () => {
  it('reads the numbers for a country on every row, then checks them again', async () => {
    const applied: Mapping[] = []
    fake.api.dataset.applyMapping = (req) => {
      applied.push(req.mapping)
      return Promise.resolve({
        ok: true as const,
        value: { ...withPhoneErrors, valid: 3, withErrors: 0, errorsByField: {}, issueGroups: [] },
      })
    }
    appStore.setState({
      providerId: 'propeller',
      dataset: makeDatasetSummary({ headers: ['Telefon'], rowCount: 3 }),
      assignments: [{ field: 'phone', column: 0 }],
      validation: withPhoneErrors,
    })
    render(<ReviewStep />)
    fireEvent.change(screen.getByLabelText('Numbers without a country code are from'), {
      target: { value: 'PL' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 3 rows' }))
    await waitFor(() => expect(applied).toHaveLength(1))
    expect(applied[0]?.assignments).toEqual([
      { field: 'phone', column: 0, transforms: [{ kind: 'phone', country: 'PL' }] },
    ])
    await waitFor(() => expect(appStore.getState().validation?.withErrors).toBe(0))
    // Every row valid: nothing left to fix.
    expect(screen.queryByRole('button', { name: /^Apply to/ })).toBeNull()
  })

  it('offers another country when the numbers are still refused with the one set', () => {
    appStore.setState({
      providerId: 'propeller',
      dataset: makeDatasetSummary({ headers: ['Telefon'], rowCount: 3 }),
      assignments: [{ field: 'phone', column: 0, transforms: [{ kind: 'phone', country: 'US' }] }],
      validation: withPhoneErrors,
    })
    render(<ReviewStep />)
    const apply = screen.getByRole('button', { name: 'Apply to 3 rows' })
    expect(apply).toHaveProperty('disabled', true) // the country already set
    fireEvent.change(screen.getByLabelText('Numbers without a country code are from'), {
      target: { value: 'PL' },
    })
    fireEvent.click(apply)
    expect(appStore.getState().assignments).toEqual([
      { field: 'phone', column: 0, transforms: [{ kind: 'phone', country: 'PL' }] },
    ])
  })
})
