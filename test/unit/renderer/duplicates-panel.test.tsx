import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ValidationSummary } from '#shared/ipc/contract.ts'
import { ReviewStep } from '../../../renderer/src/features/review/ReviewStep.tsx'
import { appStore, initialAppState } from '../../../renderer/src/store/index.ts'
import { makeDatasetSummary } from '../../helpers/builders.ts'
import { fake } from '../../helpers/fake-api.ts'

afterEach(() => appStore.setState(initialAppState, true))

const SUMMARY: ValidationSummary = {
  rows: 40,
  valid: 40,
  withErrors: 0,
  withWarnings: 0,
  edited: 0,
  errorsByField: {},
  excluded: 0,
  duplicates: { groups: 12, rows: 27, fields: ['externalId'], choice: 'keepAll' },
}

function renderReview(summary: ValidationSummary = SUMMARY) {
  appStore.setState({
    providerId: 'kustomer',
    dataset: makeDatasetSummary(),
    assignments: [{ field: 'externalId', column: 0 }],
    validation: summary,
  })
  return render(<ReviewStep />)
}

describe('the duplicates panel of the review step', () => {
  it('says how many customers appear more than once, by which field', () => {
    renderReview()
    expect(
      screen.getByRole('heading', { name: '12 customers appear more than once (27 rows) by External ID' }),
    ).toBeTruthy()
    expect(screen.getByRole('radio', { name: /Send every row/ })).toHaveProperty('checked', true)
    expect(screen.getByRole('radio', { name: /Duplicates \(27\)/ })).toBeTruthy()
  })

  it('sends the choice to the engine and shows the answer', async () => {
    const asked: unknown[] = []
    fake.api.dataset.duplicateChoice = (request) => {
      asked.push(request)
      return Promise.resolve({
        ok: true as const,
        value: { ...SUMMARY, duplicates: { ...SUMMARY.duplicates!, choice: request.choice } },
      })
    }
    renderReview()
    await act(async () => fireEvent.click(screen.getByRole('radio', { name: /Keep the first row/ })))
    expect(asked).toEqual([{ datasetId: makeDatasetSummary().datasetId, choice: 'keepFirst' }])
    expect(screen.getByRole('radio', { name: /Keep the first row/ })).toHaveProperty('checked', true)
  })

  it('shows the duplicate rows with its link, and offers to exclude them all', async () => {
    const excluded: unknown[] = []
    fake.api.dataset.exclude = (request) => {
      excluded.push(request)
      return Promise.resolve({
        ok: true as const,
        value: { changed: 27, summary: { ...SUMMARY, excluded: 27 } },
      })
    }
    renderReview()
    expect(screen.queryByRole('button', { name: /Exclude these/ })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Show these rows' }))
    expect(screen.getByRole('radio', { name: /Duplicates/ })).toHaveProperty('checked', true)
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Exclude these 27 rows' })))
    expect(excluded).toMatchObject([{ excluded: true, target: { kind: 'filter', filter: 'duplicates' } }])
    expect(screen.getByRole('radio', { name: /Excluded \(27\)/ })).toBeTruthy()
  })

  it('is not shown when every customer appears once', () => {
    renderReview({
      ...SUMMARY,
      duplicates: { groups: 0, rows: 0, fields: ['externalId'], choice: 'keepAll' },
    })
    expect(screen.queryByText(/more than once/)).toBeNull()
  })
})
