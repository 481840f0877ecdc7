import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Assignment } from '#shared/mapping/mapping.ts'
import type { ProviderId } from '#shared/ids.ts'
import { MappingStep } from '../../../renderer/src/features/mapping/MappingStep.tsx'
import { appStore, initialAppState } from '../../../renderer/src/store/index.ts'
import { makeDatasetSummary } from '../../helpers/builders.ts'
import { fake } from '../../helpers/fake-api.ts'

// The mapping screen's transforms, as a person uses them: the summary under a field, the panel and
// its live preview, the question about dates that read two ways, one value for every row.

const originalRows = fake.api.dataset.rows

afterEach(() => {
  fake.api.dataset.rows = originalRows
  appStore.setState(initialAppState, true)
})

/** The mapping screen for `cells`, with `assignments` as the mapping (no automatic match). */
function mappingScreen(
  providerId: ProviderId,
  headers: string[],
  cells: string[][],
  assignments: Assignment[],
) {
  fake.api.dataset.rows = () =>
    Promise.resolve({
      ok: true as const,
      value: { total: cells.length, rows: cells.map((row, index) => ({ row: index + 2, cells: row })) },
    })
  const dataset = makeDatasetSummary({ headers, rowCount: cells.length })
  appStore.setState({
    providerId,
    dataset,
    assignments,
    autoMatchedFor: `${dataset.datasetId}:${providerId}`,
  })
  return render(<MappingStep />)
}

const openPanel = async (fieldLabel: string) => {
  const button = await screen.findByRole('button', {
    name: new RegExp(`^Change… how ${fieldLabel} is sent$`),
  })
  fireEvent.click(button)
  expect(button.getAttribute('aria-expanded')).toBe('true')
  return screen.getByRole('group', { name: `How ${fieldLabel} is sent` })
}

const previewSentColumn = (panel: HTMLElement) =>
  within(within(panel).getByRole('table', { name: /^Preview of/ }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelectorAll('td')[1]?.textContent)

describe('the transform panel', () => {
  it('reads phone numbers in the chosen country, and the preview follows', async () => {
    mappingScreen(
      'thulium',
      ['Telefon'],
      [['020 7946 0958'], ['601 234 567'], ['12']],
      [{ field: 'phone_number', column: 0 }],
    )
    const panel = await openPanel('Phone')
    const country = within(panel).getByLabelText(
      'Numbers without a country code are from',
    ) as HTMLSelectElement
    expect(country.value).toBe('PL') // Thulium's customers are in Poland
    await waitFor(() => expect(previewSentColumn(panel)).toEqual(['020 7946 0958', '+48601234567', '12']))

    fireEvent.change(country, { target: { value: 'GB' } })
    expect(previewSentColumn(panel)[0]).toBe('+442079460958')
    expect(appStore.getState().assignments[0]?.transforms).toEqual([{ kind: 'phone', country: 'GB' }])
    expect(
      screen.getByText(/Phone numbers read as United Kingdom \(GB\) · 2 of 3 in international form/),
    ).toBeTruthy()
  })

  it('asks which order ambiguous dates are in, and counts the field as undecided until answered', async () => {
    mappingScreen(
      'propeller',
      ['Data urodzenia'],
      [['03.04.1990'], ['05.06.1985']],
      [{ field: 'dateOfBirth', column: 0 }],
    )
    expect(await screen.findByText('1 field needs your decision: Date of birth')).toBeTruthy()
    expect(
      screen.getByText(/These dates can be read two ways \(03\.04\.1990 is 3 April 1990 or 4 March 1990\)/),
    ).toBeTruthy()

    fireEvent.change(screen.getByLabelText('Order of day and month in Date of birth'), {
      target: { value: 'DMY' },
    })

    await waitFor(() => expect(screen.queryByText(/needs your decision/)).toBeNull())
    expect(screen.queryByText(/These dates can be read two ways/)).toBeNull()
    expect(screen.getByText('Dates read day first')).toBeTruthy()
    expect(appStore.getState().assignments[0]?.transforms).toEqual([{ kind: 'date', order: 'DMY' }])
  })

  it('fills in the clear translations of a choice: “Kobieta” becomes F for Propeller', async () => {
    mappingScreen(
      'propeller',
      ['Płeć'],
      [['Kobieta'], ['Mężczyzna'], ['Kobieta'], ['F'], ['?!']],
      [{ field: 'gender', column: 0 }],
    )
    await screen.findByText(/would be rejected/) // as written, "Kobieta" is not a gender Propeller knows
    const panel = await openPanel('Gender')
    const kobieta = within(panel).getByLabelText('Send “Kobieta” as') as HTMLSelectElement
    expect(kobieta.value).toBe('F')
    expect((within(panel).getByLabelText('Send “Mężczyzna” as') as HTMLSelectElement).value).toBe('M')
    expect((within(panel).getByLabelText('Send “?!” as') as HTMLSelectElement).value).toBe('')
    const alreadyF = within(panel).getByLabelText('Send “F” as').closest('td')!
    expect(alreadyF.textContent).toContain('already accepted')
    expect(screen.getByText(/2 values translated/)).toBeTruthy()
    expect(previewSentColumn(panel).slice(0, 4)).toEqual(['F', 'M', 'F', 'F'])

    fireEvent.change(within(panel).getByLabelText('Send “?!” as'), { target: { value: 'U' } })
    expect(previewSentColumn(panel)[4]).toBe('U')
  })

  it('joins a second column after the first, with a space between', async () => {
    mappingScreen(
      'kustomer',
      ['Imię', 'Nazwisko'],
      [
        ['Anna', 'Nowak'],
        ['Jan', ''],
      ],
      [{ field: 'name', column: 0 }],
    )
    const panel = await openPanel('Full name')
    fireEvent.click(within(panel).getByRole('button', { name: '+ Add a column' }))
    await waitFor(() => expect(previewSentColumn(panel)).toEqual(['Anna Nowak', 'Jan']))
    expect(appStore.getState().assignments[0]).toMatchObject({ joinColumns: [1] })
    expect(screen.getByText(/Joined with “Nazwisko”/)).toBeTruthy()
    // The same column may feed another field too; the count says two columns used, none left.
    expect(screen.getByText(/2 columns mapped · 0 columns not sent/)).toBeTruthy()

    fireEvent.click(within(panel).getByRole('button', { name: 'Remove column “Nazwisko” from Full name' }))
    expect(appStore.getState().assignments[0]?.joinColumns).toBeUndefined()
  })

  it('counts a column feeding two fields once', async () => {
    mappingScreen(
      'thulium',
      ['Imię i nazwisko', 'Telefon'],
      [['Anna Nowak', '601 234 567']],
      [
        { field: 'name', column: 0, transforms: [{ kind: 'namePart', part: 'allButLast' }] },
        { field: 'surname', column: 0, transforms: [{ kind: 'namePart', part: 'last' }] },
      ],
    )
    expect(screen.getByText(/1 column mapped · 1 column not sent/)).toBeTruthy()
    const select = screen.getByRole('combobox', { name: 'Phone (Numer telefonu)' })
    // A used column is still offered to the other fields.
    expect(within(select).getByRole('option', { name: /Imię i nazwisko/ })).toBeTruthy()
    expect(await screen.findByText('Takes all but the last word')).toBeTruthy()
  })

  it('gives an unmapped field the same value for every row', async () => {
    mappingScreen('thulium', ['Imię'], [['Anna']], [{ field: 'name', column: 0 }])
    const group = screen.getByRole('combobox', { name: 'Customer group (Grupa klienta)' })
    fireEvent.change(group, { target: { value: 'constant' } })
    fireEvent.change(screen.getByLabelText('Customer group for every row'), { target: { value: 'VIP' } })
    expect(appStore.getState().constants).toEqual([{ field: 'group', value: 'VIP' }])
    expect(screen.getByText('Always: VIP')).toBeTruthy()

    fireEvent.change(group, { target: { value: '' } })
    expect(appStore.getState().constants).toEqual([])
    expect(screen.queryByText('Always: VIP')).toBeNull()
  })
})
