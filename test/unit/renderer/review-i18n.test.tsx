import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import { afterEach, describe, expect, it } from 'vitest'
import { setLanguage } from '#shared/i18n/i18n.ts'
import { fieldLabel } from '#shared/i18n/provider-text.ts'
import type { ValidationSummary } from '#shared/ipc/contract.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import { cellPhrases } from '../../../renderer/src/features/review/cell-phrases.ts'
import { ReviewCell } from '../../../renderer/src/features/review/ReviewCell.tsx'
import { ReviewStep } from '../../../renderer/src/features/review/ReviewStep.tsx'
import { RowChoiceCell } from '../../../renderer/src/features/review/RowChoiceCell.tsx'
import { appStore, initialAppState } from '../../../renderer/src/store/index.ts'
import { makeDatasetSummary } from '../../helpers/builders.ts'
import { fake } from '../../helpers/fake-api.ts'

// The review step in Polish (Thulium's users) and Dutch (Omnidesk's): its own words, Polish plural
// forms (1 wiersz, 3 wiersze, 5 wierszy), numbers in the language's format, and a switch of language
// while the step is open.

const { findInColumn, replaceInColumn } = fake.api.dataset
afterEach(() => {
  setLanguage('en')
  fake.api.dataset.findInColumn = findInColumn
  fake.api.dataset.replaceInColumn = replaceInColumn
  appStore.setState(initialAppState, true)
})

const kustomerLabel = (key: string) =>
  fieldLabel(
    'kustomer',
    PROVIDERS.kustomer.fields.find((field) => field.key === key)!,
  )

const SUMMARY: ValidationSummary = {
  rows: 12_345,
  valid: 12_342,
  withErrors: 3,
  withWarnings: 0,
  edited: 0,
  errorsByField: { 'emails.0.email': 3 },
  issueGroups: [
    {
      field: 'emails.0.email',
      severity: 'error',
      key: 'validation:rules.email',
      rows: 3,
      example: { row: 17, message: { key: 'validation:rules.email', values: { value: 'ann@@example.com' } } },
    },
  ],
  excluded: 0,
  duplicates: { groups: 12, rows: 27, fields: ['externalId', 'emails.0.email'], choice: 'keepAll' },
}

function renderReview(summary: ValidationSummary = SUMMARY) {
  appStore.setState({
    providerId: 'kustomer',
    dataset: makeDatasetSummary(),
    assignments: [
      { field: 'externalId', column: 0 },
      { field: 'emails.0.email', column: 1 },
    ],
    validation: summary,
  })
  return render(<ReviewStep />)
}

/** As the grid renders a cell: with the review step's words, in the current language. */
function Cell(props: Omit<ComponentProps<typeof ReviewCell>, 'phrases'>) {
  const { t } = useTranslation('review')
  return <ReviewCell {...props} phrases={cellPhrases(t)} />
}

function Choice(props: Omit<ComponentProps<typeof RowChoiceCell>, 'phrases'>) {
  const { t } = useTranslation('review')
  return <RowChoiceCell {...props} phrases={cellPhrases(t)} />
}

describe('the review step in Polish', () => {
  it('says the summary, the refused rows and the duplicates with Polish plural forms', () => {
    setLanguage('pl')
    renderReview()
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sprawdź, co zostanie wysłane')
    // Polish groups thousands with a no-break space; 12 342 ends in 2, so "poprawne" (few), not "poprawnych".
    expect(document.querySelector('p.summary')?.textContent).toBe(
      '12\u00a0345 wierszy · 12\u00a0342 poprawne · 3 z błędami',
    )
    expect(screen.getByText('3 wiersze zostaną prawdopodobnie odrzucone')).toBeTruthy()
    expect(screen.getByText(`${kustomerLabel('emails.0.email')}: 3 wiersze`)).toBeTruthy()
    // What is wrong, in one row's own words, in Polish.
    expect(
      screen.getByText(
        'Na przykład wiersz 17: „ann@@example.com” nie jest prawidłowym adresem e-mail. Powinien wyglądać jak name@example.com.',
      ),
    ).toBeTruthy()
    expect(
      screen.getByRole('heading', {
        name: `12 klientów występuje więcej niż raz (27 wierszy) według pola ${kustomerLabel('externalId')} lub ${kustomerLabel('emails.0.email')}`,
      }),
    ).toBeTruthy()
    expect(screen.getByRole('radio', { name: /^Wyślij każdy wiersz/ })).toHaveProperty('checked', true)
    expect(screen.getByRole('radiogroup', { name: 'Pokaż wiersze' })).toBeTruthy()
    expect(screen.getByRole('radio', { name: 'Duplikaty (27)' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Przejdź do przesyłania' })).toBeTruthy()
  })

  it('offers to exclude the rows of a filter: "te 27 wierszy", "te 3 wiersze", "ten wiersz"', () => {
    setLanguage('pl')
    renderReview()
    const duplicates = screen.getByRole('region', { name: /występuje więcej niż raz/ })
    fireEvent.click(within(duplicates).getByRole('button', { name: 'Pokaż te wiersze' }))
    expect(screen.getByRole('button', { name: 'Wyklucz te 27 wierszy' })).toBeTruthy()
    fireEvent.click(screen.getByRole('radio', { name: /^Z błędami/ }))
    expect(screen.getByRole('button', { name: 'Wyklucz te 3 wiersze' })).toBeTruthy()
  })

  it('one row with errors is "1 wiersz"', () => {
    setLanguage('pl')
    renderReview({
      ...SUMMARY,
      withErrors: 1,
      valid: 12_344,
      errorsByField: { 'emails.0.email': 1 },
      issueGroups: [{ ...SUMMARY.issueGroups![0]!, rows: 1 }],
    })
    expect(screen.getByText('1 wiersz zostanie prawdopodobnie odrzucony')).toBeTruthy()
    fireEvent.click(screen.getByRole('radio', { name: /^Z błędami/ }))
    expect(screen.getByRole('button', { name: 'Wyklucz ten wiersz' })).toBeTruthy()
  })

  it('counts and describes a find & replace in Polish', async () => {
    fake.api.dataset.findInColumn = () =>
      Promise.resolve({
        ok: true as const,
        value: { matches: 5, examples: [{ row: 2, before: 'ada@@example.com', after: 'ada@example.com' }] },
      })
    setLanguage('pl')
    renderReview()
    fireEvent.click(screen.getByRole('button', { name: 'Znajdź i zamień' }))
    const panel = screen.getByRole('form', { name: 'Znajdź i zamień' })
    const select = within(panel).getByRole('combobox', { name: 'Kolumna' })
    expect(within(select).getAllByRole('option')[1]?.textContent).toBe(
      `${kustomerLabel('emails.0.email')} (kolumna „Email”)`,
    )
    fireEvent.change(select, { target: { value: '1' } })
    expect(within(panel).getByRole('status').textContent).toBe('Wpisz tekst do znalezienia.')
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Znajdź' }), { target: { value: '@@' } })
    await within(panel).findByText('5 komórek w kolumnie „Email” pasuje')
    expect(within(panel).getByRole('list', { name: 'Przykłady' }).textContent).toBe(
      'Wiersz 2: ada@@example.com → zmieni się na ada@example.com',
    )
    fake.api.dataset.replaceInColumn = () =>
      Promise.resolve({ ok: true as const, value: { replaceId: 1, changed: 5, summary: SUMMARY } })
    await act(async () =>
      fireEvent.click(within(panel).getByRole('button', { name: 'Zamień w 5 komórkach' })),
    )
    const done = screen.getByText(/^Zamieniono w 5 komórkach kolumny „Email”\./)
    expect(within(done).getByRole('button', { name: 'Cofnij' })).toBeTruthy()
  })

  it('follows a switch of language while the step is open', () => {
    renderReview()
    fireEvent.click(screen.getByRole('button', { name: 'Find & replace' }))
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Review what will be sent')
    act(() => setLanguage('pl'))
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sprawdź, co zostanie wysłane')
    // Made once per column list: made again in the new language.
    const select = screen.getByRole('combobox', { name: 'Kolumna' })
    expect(within(select).getAllByRole('option')[0]?.textContent).toBe(
      `${kustomerLabel('externalId')} (kolumna „Full name”)`,
    )
    act(() => setLanguage('nl'))
    expect(document.querySelector('p.summary')?.textContent).toBe(
      '12.345 rijen · 12.342 geldig · 3 met fouten',
    )
    expect(screen.getByText('3 rijen worden waarschijnlijk geweigerd')).toBeTruthy()
  })
})

describe('the review grid’s cells in Polish', () => {
  it('says what a cell holds, was, and what is wrong with it', () => {
    setLanguage('pl')
    const { container } = render(
      <Cell
        column={0}
        label="Telefon"
        onEdit={() => {}}
        field="phone"
        row={{
          row: 3,
          cells: [''],
          values: { phone: '' },
          edited: [{ column: 0, original: '601' }],
          issues: [{ field: 'phone', severity: 'error', rule: 'required', message: 'Brak numeru.' }],
        }}
      />,
    )
    const cell = container.querySelector('button')
    expect(cell?.getAttribute('title')).toBe('Brak numeru.\nByło: 601')
    expect(cell?.textContent).toBe('✕ pustezmienionoBłąd: Brak numeru.')
    fireEvent.click(cell!)
    expect(screen.getByRole('textbox', { name: 'Zmień: Telefon, wiersz 3' })).toBeTruthy()
  })

  it('says why a row is skipped or merged', () => {
    setLanguage('pl')
    const duplicate = { first: 2, size: 3 }
    const first = { row: 2, cells: [], duplicate }
    const later = { row: 7, cells: [], duplicate }
    const { rerender } = render(<Choice row={first} choice="merge" onExclude={() => {}} />)
    expect(screen.getByRole('checkbox', { name: 'Wyślij wiersz 2' })).toBeTruthy()
    expect(screen.getByText('Scalony (3 wiersze)')).toBeTruthy()
    rerender(
      <Choice row={{ ...first, duplicate: { first: 2, size: 5 } }} choice="merge" onExclude={() => {}} />,
    )
    expect(screen.getByText('Scalony (5 wierszy)')).toBeTruthy()
    rerender(<Choice row={later} choice="keepAll" onExclude={() => {}} />)
    expect(screen.getByText('Ten sam klient co w wierszu 2')).toBeTruthy()
    rerender(<Choice row={{ ...later, excluded: true }} choice="keepAll" onExclude={() => {}} />)
    expect(screen.getByText('Wykluczony')).toBeTruthy()
  })
})
