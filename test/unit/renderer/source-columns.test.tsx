import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Res } from '#shared/ipc/contract.ts'
import { MappingStep } from '../../../renderer/src/features/mapping/MappingStep.tsx'
import { fillText } from '../../../renderer/src/features/mapping/column-facts.ts'
import { appStore, initialAppState } from '../../../renderer/src/store/index.ts'
import { makeDatasetSummary } from '../../helpers/builders.ts'
import { fake } from '../../helpers/fake-api.ts'

// The file's side of the mapping screen: what each column holds, and two ways to map it onto a field
// (dragging it onto the field, or "Map to…" from the keyboard).

const originalStats = fake.api.dataset.columnStats

const STATS: Res<'dataset:columnStats'> = {
  rows: 200,
  columns: [
    { column: 0, filled: 200, samples: ['Ada Lovelace', 'Alan Turing'], kind: 'text' },
    { column: 1, filled: 196, samples: ['ada@example.com', 'alan@example.com'], kind: 'email' },
    { column: 2, filled: 0, samples: [], kind: 'empty' },
  ],
}

afterEach(() => {
  fake.api.dataset.columnStats = originalStats
  appStore.setState(initialAppState, true)
})

function showMapping() {
  const asked: string[] = []
  fake.api.dataset.columnStats = (req) => {
    asked.push(req.datasetId)
    return Promise.resolve({ ok: true as const, value: STATS })
  }
  appStore.setState({
    providerId: 'kustomer',
    dataset: makeDatasetSummary({ headers: ['Full name', 'Contact', 'Notes'], rowCount: 200 }),
  })
  render(<MappingStep />)
  return asked
}

const columnItem = (header: string) =>
  screen.getByText(header, { selector: '.source-column-name' }).closest('li') as HTMLElement
const fieldRow = (label: string) =>
  screen.getByRole('combobox', { name: label }).closest('.field-row') as HTMLElement
const columnOf = (field: string) =>
  appStore.getState().assignments.find((assignment) => assignment.field === field)?.column

/** What a browser's DataTransfer does for one drag: data set on dragstart, read back on drop. */
function dataTransfer() {
  const data = new Map<string, string>()
  const types: string[] = []
  return {
    types,
    setData: (type: string, value: string) => {
      if (!data.has(type)) types.push(type)
      data.set(type, value)
    },
    getData: (type: string) => data.get(type) ?? '',
  }
}

describe('the column list', () => {
  it('lists every column with its fill rate, kind, samples and the fields it feeds', async () => {
    const asked = showMapping()
    await screen.findByText('98% filled')
    expect(asked).toEqual(['d1'])
    const contact = within(columnItem('Contact'))
    expect(contact.getByText('email addresses')).toBeTruthy()
    expect(contact.getByText('ada@example.com')).toBeTruthy()
    expect(contact.getByText('Not sent')).toBeTruthy()
    expect(within(columnItem('Notes')).getByText('empty')).toBeTruthy()
    // "Full name" was matched by its name to Kustomer's Full name.
    expect(within(columnItem('Full name')).getByText('→ Full name')).toBeTruthy()
    expect(within(columnItem('Full name')).getByText('all filled')).toBeTruthy()
  })

  it('maps a column dropped on a field, and highlights the field while it is over it', async () => {
    showMapping()
    await screen.findByText('98% filled')
    expect(columnOf('emails.0.email')).toBeUndefined()
    const transfer = dataTransfer()
    fireEvent.dragStart(columnItem('Contact'), { dataTransfer: transfer })
    fireEvent.dragOver(fieldRow('Email'), { dataTransfer: transfer })
    expect(fieldRow('Email').classList.contains('drop-target')).toBe(true)
    expect(within(fieldRow('Email')).getByText('Drop to send this column as Email')).toBeTruthy()
    fireEvent.drop(fieldRow('Email'), { dataTransfer: transfer })

    expect(columnOf('emails.0.email')).toBe(1)
    await waitFor(() => expect(within(columnItem('Contact')).getByText('→ Email')).toBeTruthy())
    expect(fieldRow('Email').classList.contains('drop-target')).toBe(false)
    const select = screen.getByRole('combobox', { name: 'Email' }) as HTMLSelectElement
    expect(select.value).toBe('1')
  })

  it('ignores a drag that carries no column (a file, some text)', async () => {
    showMapping()
    await screen.findByText('98% filled')
    const text = dataTransfer()
    text.setData('text/plain', '1')
    fireEvent.dragOver(fieldRow('Email'), { dataTransfer: text })
    fireEvent.drop(fieldRow('Email'), { dataTransfer: text })
    expect(fieldRow('Email').classList.contains('drop-target')).toBe(false)
    expect(columnOf('emails.0.email')).toBeUndefined()
  })

  it('maps a column from the keyboard with Map to…, and gives focus back', async () => {
    showMapping()
    await screen.findByText('98% filled')
    const opener = screen.getByRole('button', { name: 'Map to… (Contact)' })
    fireEvent.click(opener)
    const form = screen.getByRole('form', { name: 'Map Contact' })
    const choice = within(form).getByRole('combobox', { name: 'Send “Contact” as' })
    expect(document.activeElement).toBe(choice)
    const map = within(form).getByRole('button', { name: 'Map' }) as HTMLButtonElement
    expect(map.disabled).toBe(true)
    fireEvent.change(choice, { target: { value: 'emails.0.email' } })
    fireEvent.click(map)

    expect(columnOf('emails.0.email')).toBe(1)
    expect(screen.queryByRole('form', { name: 'Map Contact' })).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Map to… (Contact)' }))
    const panel = screen.getByRole('complementary', { name: 'Your columns' })
    expect(within(panel).getByRole('status').textContent).toBe('“Contact” now feeds Email.')
  })

  it('closes Map to… on Escape without mapping', async () => {
    showMapping()
    await screen.findByText('98% filled')
    fireEvent.click(screen.getByRole('button', { name: 'Map to… (Notes)' }))
    const choice = screen.getByRole('combobox', { name: 'Send “Notes” as' })
    fireEvent.change(choice, { target: { value: 'tags' } })
    fireEvent.keyDown(choice, { key: 'Escape' })
    expect(screen.queryByRole('form', { name: 'Map Notes' })).toBeNull()
    expect(columnOf('tags')).toBeUndefined()
  })
})

describe('fillText', () => {
  it('never rounds a column up to all filled or down to empty', () => {
    expect(fillText(999, 1000)).toBe('99% filled')
    expect(fillText(1, 1000)).toBe('1% filled')
    expect(fillText(1000, 1000)).toBe('all filled')
    expect(fillText(0, 1000)).toBe('empty')
    expect(fillText(196, 200)).toBe('98% filled')
  })

  it('leaves a column out on purpose: not offered as a custom field any more, and counted as such', async () => {
    showMapping()
    const notes = columnItem('Notes')
    expect(within(notes).getByText('Not sent')).toBeTruthy()
    const offered = () =>
      screen.queryAllByRole('button', { name: /Notes/ }).map((button) => button.textContent)
    expect(offered().some((text) => /custom/i.test(text ?? ''))).toBe(true)

    fireEvent.click(within(notes).getByRole('button', { name: 'Leave out (Notes)' }))
    expect(appStore.getState().ignoredColumns).toEqual([2])
    expect(within(notes).getByText('Left out on purpose')).toBeTruthy()
    expect(screen.getByText(/1 left out on purpose/)).toBeTruthy()
    expect(offered().some((text) => /custom/i.test(text ?? ''))).toBe(false)

    fireEvent.click(within(notes).getByRole('button', { name: 'Undo leave out (Notes)' }))
    expect(appStore.getState().ignoredColumns).toEqual([])
  })
})
