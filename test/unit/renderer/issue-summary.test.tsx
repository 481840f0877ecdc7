import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ValidationSummary } from '#shared/ipc/contract.ts'
import { ReviewStep } from '../../../renderer/src/features/review/ReviewStep.tsx'
import { appStore, initialAppState } from '../../../renderer/src/store/index.ts'
import { makeDatasetSummary } from '../../helpers/builders.ts'
import { fake } from '../../helpers/fake-api.ts'
import { DATE, EMAIL, NAME } from '../../helpers/capillary-issue-kinds.ts'

// The review step's problems, kind by kind: what is wrong in one row's words, "Show these rows" for
// the grid (and excluding them), and each column's heading counting its rows with problems.

const { exclude } = fake.api.dataset
afterEach(() => {
  fake.api.dataset.exclude = exclude
  appStore.setState(initialAppState, true)
})

const SUMMARY: ValidationSummary = {
  rows: 40,
  valid: 35,
  withErrors: 4,
  withWarnings: 2,
  edited: 0,
  errorsByField: { createDate: 3, 'identifiers.email': 2 },
  warningsByField: { firstName: 2 },
  issueGroups: [
    { ...DATE, rows: 3, example: { row: 3, message: { key: DATE.key, values: { value: '2016-06-23' } } } },
    {
      ...EMAIL,
      rows: 2,
      example: { row: 3, message: { key: EMAIL.key, values: { value: 'bob@@example.com' } } },
    },
    { ...NAME, rows: 2, example: { row: 4, message: { key: NAME.key, values: { value: 'Cy#1' } } } },
  ],
  excluded: 0,
}

function renderReview() {
  appStore.setState({
    providerId: 'capillary',
    dataset: makeDatasetSummary({ headers: ['Email', 'First name', 'Registration date'] }),
    assignments: [
      { field: 'identifiers.email', column: 0 },
      { field: 'firstName', column: 1 },
      { field: 'createDate', column: 2 },
    ],
    validation: SUMMARY,
  })
  return render(<ReviewStep />)
}

describe('problems kind by kind in the review step', () => {
  it('names each kind with its rows and one row’s words, errors apart from warnings', () => {
    renderReview()
    const refused = screen.getByText('4 rows would probably be refused').closest('.alert') as HTMLElement
    expect(within(refused).getByText('Email: 2 rows')).toBeTruthy()
    expect(
      within(refused).getByText(
        'For example, row 3: "bob@@example.com" is not a valid email address. It should look like name@example.com.',
      ),
    ).toBeTruthy()
    const warned = screen
      .getByText('2 rows would be accepted with something probably wrong')
      .closest('.alert') as HTMLElement
    expect(within(warned).getByText('First name: 2 rows')).toBeTruthy()
    expect(within(warned).queryByText(/Email/)).toBeNull()
  })

  it('shows the rows of one kind, offers to exclude them, and goes back to all rows', async () => {
    const excluded: unknown[] = []
    fake.api.dataset.exclude = (request) => {
      excluded.push(request.target)
      return Promise.resolve({ ok: true as const, value: { changed: 2, summary: SUMMARY } })
    }
    renderReview()
    const emailLine = screen.getByText('Email: 2 rows').closest('li') as HTMLElement
    await act(async () => fireEvent.click(within(emailLine).getByRole('button', { name: 'Show these rows' })))
    expect(
      screen.getByText(
        /^Showing the 2 rows with this problem: Email — "bob@@example.com" is not a valid email/,
      ),
    ).toBeTruthy()
    // No chip is the one shown.
    for (const chip of screen.getAllByRole('radio', { name: /\(\d+\)$/ }))
      expect(chip).toHaveProperty('checked', false)
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Exclude these 2 rows' })))
    expect(excluded).toEqual([{ kind: 'filter', filter: { issue: EMAIL } }])
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Show all rows' })))
    expect(screen.getByRole('radio', { name: 'All (40)' })).toHaveProperty('checked', true)
  })

  it('counts each column’s rows with errors and warnings in its heading', () => {
    renderReview()
    expect(screen.getByRole('columnheader', { name: 'Email, 2 rows with errors' })).toBeTruthy()
    expect(screen.getByRole('columnheader', { name: 'Registration date, 3 rows with errors' })).toBeTruthy()
    expect(screen.getByRole('columnheader', { name: 'First name, 2 rows with warnings' })).toBeTruthy()
  })
})
