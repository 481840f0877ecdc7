import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Req, ValidationSummary } from '#shared/ipc/contract.ts'
import { ReviewStep } from '../../../renderer/src/features/review/ReviewStep.tsx'
import { appStore, initialAppState } from '../../../renderer/src/store/index.ts'
import { makeDatasetSummary } from '../../helpers/builders.ts'
import { fake } from '../../helpers/fake-api.ts'

// The Find & replace panel of the review step against a small in-memory stand-in for the engine's
// Email column: the count it shows, the replace it asks for, and undo/redo of the whole replace.

afterEach(() => appStore.setState(initialAppState, true))

const summaryWith = (withErrors: number): ValidationSummary => ({
  rows: 3,
  valid: 3 - withErrors,
  withErrors,
  withWarnings: 0,
  edited: 0,
  errorsByField: withErrors > 0 ? { 'emails.0.email': withErrors } : {},
})

/** The Email column as the engine would hold it, with plain case-insensitive matching. */
function fakeEmailColumn(values: string[]) {
  const calls: { channel: string; request: unknown }[] = []
  const history = new Map<number, { index: number; before: string; after: string }[]>()
  const invalid = () => values.filter((value) => value.includes('@@')).length
  const changesOf = ({ find, replace }: Req<'dataset:findInColumn'>) =>
    values.flatMap((before, index) => {
      const after = before.split(find).join(replace)
      return after === before ? [] : [{ index, before, after }]
    })
  fake.api.dataset.findInColumn = async (request) => {
    calls.push({ channel: 'find', request })
    const changes = changesOf(request)
    const examples = changes.map(({ index, before, after }) => ({ row: index + 2, before, after }))
    return { ok: true as const, value: { matches: changes.length, examples } }
  }
  fake.api.dataset.replaceInColumn = async (request) => {
    calls.push({ channel: 'replace', request })
    const changes = changesOf(request)
    for (const { index, after } of changes) values[index] = after
    history.set(history.size + 1, changes)
    const value = { replaceId: history.size, changed: changes.length, summary: summaryWith(invalid()) }
    return { ok: true as const, value }
  }
  fake.api.dataset.revertReplace = async (request) => {
    calls.push({ channel: 'revert', request })
    const changes = history.get(request.replaceId) ?? []
    for (const { index, before, after } of changes)
      values[index] = request.direction === 'undo' ? before : after
    return { ok: true as const, value: { changed: changes.length, summary: summaryWith(invalid()) } }
  }
  return { calls, values }
}

function renderReview() {
  appStore.setState({
    providerId: 'kustomer',
    dataset: makeDatasetSummary(),
    assignments: [
      { field: 'name', column: 0 },
      { field: 'emails.0.email', column: 1 },
    ],
    validation: summaryWith(2),
  })
  return render(<ReviewStep />)
}

describe('find & replace on the review step', () => {
  it('counts the matches, replaces them, and undoes and redoes the replace as one step', async () => {
    const column = fakeEmailColumn(['ada@@example.com', 'alan@example.com', 'grace@@example.com'])
    renderReview()
    const toggle = screen.getByRole('button', { name: 'Find & replace' })
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    const panel = screen.getByRole('form', { name: 'Find and replace' })

    const select = within(panel).getByRole('combobox', { name: 'Column' })
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Full name (column “Full name”)', 'Email (column “Email”)'])
    fireEvent.change(select, { target: { value: '1' } })
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Find' }), { target: { value: '@@' } })
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Replace with' }), { target: { value: '@' } })
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Only rows with errors' }))

    await within(panel).findByText('2 cells in “Email” match')
    const examples = within(panel).getByRole('list', { name: 'Examples' })
    expect(
      within(examples)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Row 2: ada@@example.com → becomes ada@example.com',
      'Row 4: grace@@example.com → becomes grace@example.com',
    ])
    // Counting changed nothing.
    expect(column.values[0]).toBe('ada@@example.com')

    await act(async () => fireEvent.click(within(panel).getByRole('button', { name: 'Replace in 2 cells' })))
    expect(column.calls.find((call) => call.channel === 'replace')?.request).toEqual({
      datasetId: makeDatasetSummary().datasetId,
      column: 1,
      find: '@@',
      replace: '@',
      matchCase: false,
      wholeCell: false,
      onlyErrors: true,
    })
    expect(column.values).toEqual(['ada@example.com', 'alan@example.com', 'grace@example.com'])
    expect(document.querySelector('p.summary')?.textContent).toBe('3 rows · 3 valid · 0 with errors')
    // The count is made again on the changed data.
    await within(panel).findByText('0 cells in “Email” match')

    // The Undo in the message, not the toolbar's (both undo the last step).
    const message = screen.getByText(/Replaced in 2 cells of “Email”\./)
    await act(async () => fireEvent.click(within(message).getByRole('button', { name: 'Undo' })))
    expect(column.values).toEqual(['ada@@example.com', 'alan@example.com', 'grace@@example.com'])
    expect(column.calls.at(-1)?.request).toMatchObject({ replaceId: 1, direction: 'undo' })
    expect(screen.getByText(/Put back 2 cells of “Email”\./)).toBeTruthy()
    expect(document.querySelector('p.summary')?.textContent).toBe('3 rows · 1 valid · 2 with errors')

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Redo' })))
    expect(column.calls.at(-1)?.request).toMatchObject({ replaceId: 1, direction: 'redo' })
    expect(column.values[2]).toBe('grace@example.com')
    expect(appStore.getState().edits.done).toEqual([{ replaceId: 1, column: 1, changed: 2 }])
  })
})
