import { render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { MappingStep } from '../../../renderer/src/features/mapping/MappingStep.tsx'
import { appStore, initialAppState } from '../../../renderer/src/store/index.ts'
import { makeDatasetSummary } from '../../helpers/builders.ts'
import { fake } from '../../helpers/fake-api.ts'

const originalRows = fake.api.dataset.rows

afterEach(() => {
  fake.api.dataset.rows = originalRows
  appStore.setState(initialAppState, true)
})

function rowsOf(cells: string[][]) {
  fake.api.dataset.rows = () =>
    Promise.resolve({
      ok: true as const,
      value: { total: cells.length, rows: cells.map((row, index) => ({ row: index + 2, cells: row })) },
    })
}

describe('automatic match reasons', () => {
  it('shows under each field why its column was chosen, and asks for a check when unsure', async () => {
    appStore.setState({
      providerId: 'thulium',
      dataset: makeDatasetSummary({ headers: ['Imię', 'Nazwisko', 'Emial'] }),
    })
    render(<MappingStep />)
    expect(screen.getByText('Matched by name in Polish: “Imię” · high confidence')).toBeTruthy()
    const typo = screen.getByText(/“Emial” looks like a misspelling of “Email”/)
    expect(typo.textContent).toContain('low confidence')
    expect(typo.textContent).toContain('Check this match')
    // The reason is part of the select's description, so screen readers hear it too.
    const select = screen.getByRole('combobox', { name: 'First name (Imię)' })
    expect(select.getAttribute('aria-describedby')).toContain('field-name-match')
  })

  it('drops the reason once the person picks another column', async () => {
    appStore.setState({
      providerId: 'thulium',
      dataset: makeDatasetSummary({ headers: ['Imię', 'Nazwisko'] }),
    })
    const { rerender } = render(<MappingStep />)
    appStore.getState().fieldMapped('name', 1)
    rerender(<MappingStep />)
    await waitFor(() => expect(screen.queryByText(/Matched by name in Polish: “Imię”/)).toBeNull())
  })

  it('uses the first rows’ values to place a column whose name says nothing', async () => {
    rowsOf([
      ['Ada', 'ada@example.com'],
      ['Jan', 'jan@firma.pl'],
      ['Piet', 'piet@voorbeeld.nl'],
    ])
    appStore.setState({
      providerId: 'omnidesk',
      dataset: makeDatasetSummary({ headers: ['Voornaam', 'Contact'] }),
    })
    render(<MappingStep />)
    expect(await screen.findByText(/Matched by the values: they look like email addresses/)).toBeTruthy()
    expect(appStore.getState().assignments).toEqual([
      { field: 'firstname', column: 0 },
      { field: 'channel.email', column: 1 },
    ])
  })

  it('keeps the person’s change when the values arrive after it', async () => {
    let answer: () => void = () => {}
    fake.api.dataset.rows = () =>
      new Promise((resolve) => {
        answer = () =>
          resolve({
            ok: true as const,
            value: {
              total: 3,
              rows: ['a@b.com', 'c@d.com', 'e@f.com'].map((email, i) => ({
                row: i + 2,
                cells: ['Ada', email],
              })),
            },
          })
      })
    appStore.setState({
      providerId: 'omnidesk',
      dataset: makeDatasetSummary({ headers: ['Voornaam', 'Contact'] }),
    })
    appStore.getState().autoMatchRequested()
    appStore.getState().fieldMapped('lastname', 1)
    answer()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(appStore.getState().assignments).toEqual([
      { field: 'firstname', column: 0 },
      { field: 'lastname', column: 1 },
    ])
  })
})
