import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { setLanguage } from '#shared/i18n/i18n.ts'
import { fieldLabel } from '#shared/i18n/provider-text.ts'
import type { ProviderId } from '#shared/ids.ts'
import type { Res } from '#shared/ipc/contract.ts'
import type { Assignment } from '#shared/mapping/mapping.ts'
import type { MappingTemplate } from '#shared/mapping/template.ts'
import { getProvider } from '#shared/providers/registry.ts'
import { MappingStep } from '../../../renderer/src/features/mapping/MappingStep.tsx'
import { TemplateBar } from '../../../renderer/src/features/mapping/TemplateBar.tsx'
import { appStore, initialAppState } from '../../../renderer/src/store/index.ts'
import { makeDatasetSummary } from '../../helpers/builders.ts'
import { fake } from '../../helpers/fake-api.ts'

// The mapping screen in Polish (Thulium's users) and Dutch (Omnidesk's): its sentences, the plural
// forms each language needs, dates and country names in the language, and a switch of language
// while the screen is open.

const originalRows = fake.api.dataset.rows
const originalStats = fake.api.dataset.columnStats
const originalTemplates = fake.api.templates.list

afterEach(() => {
  setLanguage('en')
  fake.api.dataset.rows = originalRows
  fake.api.dataset.columnStats = originalStats
  fake.api.templates.list = originalTemplates
  appStore.setState(initialAppState, true)
})

/** The field's label as the screen says it in the current language (the providers' catalog is not ours). */
const labelOf = (providerId: ProviderId, key: string) =>
  fieldLabel(
    providerId,
    getProvider(providerId).fields.find((field) => field.key === key)!,
  )

function mappingScreen(
  providerId: ProviderId,
  headers: string[],
  cells: string[][],
  assignments: Assignment[],
  stats?: Res<'dataset:columnStats'>,
) {
  fake.api.dataset.rows = () =>
    Promise.resolve({
      ok: true as const,
      value: { total: cells.length, rows: cells.map((row, index) => ({ row: index + 2, cells: row })) },
    })
  if (stats) fake.api.dataset.columnStats = () => Promise.resolve({ ok: true as const, value: stats })
  const dataset = makeDatasetSummary({ headers, rowCount: cells.length })
  appStore.setState({
    providerId,
    dataset,
    assignments,
    autoMatchedFor: `${dataset.datasetId}:${providerId}`,
  })
  return render(<MappingStep />)
}

describe('the mapping screen in Polish', () => {
  it('counts columns and rows with the Polish plural forms and names the country in Polish', async () => {
    setLanguage('pl')
    mappingScreen(
      'thulium',
      ['Imię', 'Nazwisko', 'Telefon', 'Uwagi', 'Kod'],
      [['Anna', 'Nowak', '601 234 567', '', '']],
      [
        { field: 'name', column: 0 },
        { field: 'surname', column: 1 },
        { field: 'phone_number', column: 2, transforms: [{ kind: 'phone', country: 'PL' }] },
      ],
      {
        rows: 22,
        columns: [
          { column: 0, filled: 22, samples: ['Anna'], kind: 'text' },
          { column: 1, filled: 22, samples: ['Nowak'], kind: 'text' },
          { column: 2, filled: 11, samples: ['601 234 567'], kind: 'phone' },
          { column: 3, filled: 0, samples: [], kind: 'empty' },
          { column: 4, filled: 22, samples: ['A1'], kind: 'text' },
        ],
      },
    )
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Dopasuj kolumny do platformy Thulium')
    expect(screen.getByText(/^3 kolumny przypisane · 2 kolumny niewysyłane\. Kolumny zostały/)).toBeTruthy()
    expect(
      await screen.findByText(
        '5 kolumn · 22 wiersze. Przeciągnij kolumnę na pole albo użyj przycisku „Przypisz do…”.',
      ),
    ).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Twoje kolumny' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Przypisz do… (Uwagi)' })).toBeTruthy()
    expect(screen.getAllByText('wypełniona w 50%').length).toBe(1)
    expect(screen.getByText('pusta')).toBeTruthy()
    expect(screen.getByText('numery telefonów')).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Kontakt' })).toBeTruthy()

    const phone = labelOf('thulium', 'phone_number')
    expect(
      await screen.findByText(
        'Numery telefonów odczytywane jako Polska (PL) · 1 z 1 w formacie międzynarodowym',
      ),
    ).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: `Zmień… sposób wysyłania pola ${phone}` }))
    const panel = screen.getByRole('group', { name: `Sposób wysyłania pola ${phone}` })
    const country = within(panel).getByLabelText('Numery bez kodu kraju pochodzą z kraju')
    expect(within(country).getByRole('option', { name: 'Niemcy (DE)' })).toBeTruthy()
    expect(within(panel).getByRole('columnheader', { name: 'W Twoim pliku' })).toBeTruthy()
  })

  it('says "none mapped" with the form Polish uses for 0 and 5 and more', () => {
    setLanguage('pl')
    mappingScreen('thulium', ['A', 'B', 'C', 'D', 'E', 'F'], [], [])
    expect(screen.getByText(/^0 kolumn przypisanych · 6 kolumn niewysyłanych\./)).toBeTruthy()
    expect(
      screen.getByText(
        'Żadna kolumna nie jest jeszcze przypisana: wybierz co najmniej jedną, aby kontynuować.',
      ),
    ).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Dalej' }).hasAttribute('disabled')).toBe(true)
  })

  it('asks about dates that read two ways with the dates spelled in Polish', async () => {
    setLanguage('pl')
    mappingScreen(
      'propeller',
      ['Data urodzenia'],
      [['03.04.1990'], ['05.06.1985']],
      [{ field: 'dateOfBirth', column: 0 }],
    )
    const label = labelOf('propeller', 'dateOfBirth')
    expect(await screen.findByText(`1 pole wymaga Twojej decyzji: ${label}`)).toBeTruthy()
    expect(
      screen.getByText(
        'Te daty można odczytać na dwa sposoby (03.04.1990 to 3 kwietnia 1990 albo 4 marca 1990). Jakiej kolejności używa Twój plik?',
      ),
    ).toBeTruthy()
    const order = screen.getByLabelText(`Kolejność dnia i miesiąca w polu ${label}`)
    expect(within(order).getByRole('option', { name: 'Najpierw dzień (3 kwietnia 1990)' })).toBeTruthy()

    fireEvent.change(order, { target: { value: 'DMY' } })
    await waitFor(() => expect(screen.queryByText(/wymaga Twojej decyzji/)).toBeNull())
    expect(screen.getByText('Daty odczytywane: najpierw dzień')).toBeTruthy()
  })

  it('offers and applies a template in Polish, and its note follows a switch back to English', async () => {
    setLanguage('pl')
    const shop: MappingTemplate = {
      name: 'Sklep <b>',
      providerId: 'kustomer',
      fields: [
        { field: 'name', header: 'Full name' },
        { field: 'emails.0.email', header: 'Email' },
        { field: 'phones.0.phone', header: 'Phone' },
        { field: 'externalId', header: 'Customer ID' },
        { field: 'custom.regionStr', header: 'Region' },
      ],
      constants: [{ field: 'tags', value: 'import-2024' }],
    }
    fake.api.templates.list = () => Promise.resolve({ ok: true, value: [shop] })
    render(
      <TemplateBar
        providerId="kustomer"
        headers={['Full name', 'E-mail', 'Phone', 'Customer ID', 'Tags']}
        assignments={[]}
        constants={[]}
        onApply={() => {}}
      />,
    )
    const offer = await screen.findByRole('region', { name: 'Proponowany szablon' })
    // The name is shown as written, never read as markup.
    expect(offer.textContent).toBe(
      'Twój szablon „Sklep <b>” pasuje do tego pliku (4 z 5 kolumn). Zastosować go?ZastosujNie teraz',
    )
    fireEvent.click(within(offer).getByRole('button', { name: 'Zastosuj' }))
    const note = await screen.findByRole('status')
    expect(note.textContent).toContain('Zastosowano częściowo „Sklep <b>”')
    expect(note.textContent).toContain('Ten plik nie ma kolumny „Region”.')
    expect(note.textContent).toContain('Mimo to przypisano 4 pola, 1 stałą wartość.')

    act(() => setLanguage('en'))
    expect(note.textContent).toContain('Applied “Sklep <b>” in part')
    expect(note.textContent).toContain('Still applied: 4 fields, 1 fixed value.')
  })
})

describe('the mapping screen in Dutch', () => {
  it('follows a switch of language while it is open, the summary under a field too', async () => {
    mappingScreen(
      'omnidesk',
      ['Naam', 'Notities'],
      [['anna de vries', '']],
      [{ field: 'firstname', column: 0, transforms: [{ kind: 'case', style: 'upper' }] }],
    )
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Match your columns to Omnidesk')
    expect(await screen.findByText('Written in UPPER CASE')).toBeTruthy()

    act(() => setLanguage('nl'))
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Koppel je kolommen aan Omnidesk')
    expect(
      screen.getByText(/^1 kolom gekoppeld · 1 kolom niet verzonden\. Kolommen zijn gekoppeld/),
    ).toBeTruthy()
    expect(screen.getByText('Geschreven in HOOFDLETTERS')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Koppelen aan… (Notities)' })).toBeTruthy()
  })
})
