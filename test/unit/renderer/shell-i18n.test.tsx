import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '#shared/errors.ts'
import { setLanguage } from '#shared/i18n/i18n.ts'
import type { ConnectionId } from '#shared/ids.ts'
import type { ConnectionSummary } from '#shared/ipc/contract.ts'
import type { JobId } from '#shared/ids.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import { Stepper } from '../../../renderer/src/components/Stepper.tsx'
import { ConnectionForm } from '../../../renderer/src/features/connections/ConnectionForm.tsx'
import { FileStep } from '../../../renderer/src/features/file/FileStep.tsx'
import { encodingDescription, readingDetail } from '../../../renderer/src/features/file/reading-text.ts'
import { ProviderStep } from '../../../renderer/src/features/provider/ProviderStep.tsx'
import { messageOf } from '../../../renderer/src/lib/ipc.ts'
import { appStore, initialAppState } from '../../../renderer/src/store/index.ts'
import type { Progress } from '../../../renderer/src/store/types.ts'
import { makeDatasetSummary } from '../../helpers/builders.ts'

// The File and Provider steps, the connection form and the header's steps speak the chosen language;
// English stays word for word what it was.

afterEach(() => {
  setLanguage('en')
  appStore.setState(initialAppState, true)
})

const readingProgress = (overrides: Partial<Progress>): Progress =>
  ({
    type: 'progress',
    jobId: 'j1' as JobId,
    kind: 'ingest',
    done: 1024 * 1024,
    total: 4 * 1024 * 1024,
    etaSeconds: null,
    ...overrides,
  }) as Progress

function factOf(term: string): string | null | undefined {
  const dt = screen.getByText(term, { selector: 'dt' })
  return dt.parentElement?.querySelector('dd')?.textContent
}

describe('File step', () => {
  it('says in English what it found, counts included', () => {
    appStore.setState({ dataset: makeDatasetSummary({ rowCount: 12_345 }) })
    render(<FileStep />)
    expect(screen.getByRole('heading', { level: 1, name: 'Choose the customer file' })).toBeTruthy()
    expect(factOf('Rows')).toBe('12,345 rows')
    expect(factOf('Header')).toBe('row 1')
    expect(factOf('Delimiter')).toBe('comma')
  })

  it('speaks Polish: headings, facts, row counts in every plural form, encodings and delimiters', () => {
    setLanguage('pl')
    appStore.setState({
      file: { name: 'klienci.csv', size: 120 },
      dataset: makeDatasetSummary({
        rowCount: 3,
        delimiter: ';',
        encoding: 'Windows-1250 (Central European)',
        encodingLabel: 'windows-1250',
      }),
    })
    const { rerender } = render(<FileStep />)
    expect(screen.getByRole('heading', { level: 1, name: 'Wybierz plik z klientami' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: 'Co Crosswalk znalazł w pliku' })).toBeTruthy()
    expect(factOf('Wiersze')).toBe('3 wiersze')
    expect(factOf('Separator')).toBe('średnik')
    expect(factOf('Kodowanie')).toBe('Windows-1250 (środkowoeuropejskie)')
    expect(factOf('Format')).toBe('Tekst CSV')
    expect(factOf('Nagłówek')).toBe('wiersz 1')
    expect(screen.getByRole('button', { name: 'Dalej' })).toBeTruthy()
    expect(screen.getByText('Wczytaj plik inaczej')).toBeTruthy()
    // The read-again choices name encodings and delimiters in Polish too.
    const encoding = screen.getByRole('combobox', { name: 'Kodowanie' })
    expect(within(encoding).getByRole('option', { name: 'ISO-8859-2 (środkowoeuropejskie)' })).toBeTruthy()
    const delimiter = screen.getByRole('combobox', { name: 'Separator' })
    expect(within(delimiter).getByRole('option', { name: 'przecinek' })).toBeTruthy()
    expect(screen.getByRole('combobox', { name: 'Wiersz nagłówka' })).toBeTruthy()

    for (const [rowCount, said] of [
      [1, '1 wiersz'],
      [5, '5 wierszy'],
      [22, '22 wiersze'],
      [12_345, '12 345 wierszy'],
    ] as const) {
      act(() => appStore.setState({ dataset: makeDatasetSummary({ rowCount }) }))
      rerender(<FileStep />)
      // Polish groups thousands with a no-break space.
      expect(factOf('Wiersze')?.replace(/\s/g, ' ')).toBe(said)
    }
  })

  it('offers the sample and names the steps in Polish before a file is chosen', () => {
    setLanguage('pl')
    render(<FileStep />)
    expect(screen.getByRole('button', { name: 'Wypróbuj plik przykładowy' })).toBeTruthy()
    expect(screen.getByRole('region', { name: 'Upuść tutaj arkusz' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Przeglądaj…' })).toBeTruthy()
    const intro = document.querySelector('ol.intro')
    expect(intro?.querySelectorAll('strong')[1]?.textContent).toBe('Platforma')
    expect(intro?.textContent).toContain('popraw lub pomiń wiersze')
  })

  it('follows a language switch while it is on screen', () => {
    appStore.setState({ dataset: makeDatasetSummary({ rowCount: 2 }) })
    render(<FileStep />)
    expect(factOf('Rows')).toBe('2 rows')
    act(() => setLanguage('nl'))
    expect(screen.getByRole('heading', { level: 1, name: 'Kies het klantenbestand' })).toBeTruthy()
    expect(factOf('Rijen')).toBe('2 rijen')
    act(() => setLanguage('pl'))
    expect(factOf('Wiersze')).toBe('2 wiersze')
  })

  it('reports reading progress in Polish, and in unchanged English', () => {
    const progress = readingProgress({ rowsSoFar: 12_345, etaSeconds: 2 })
    expect(readingDetail('klienci.csv', progress)).toBe(
      'Reading klienci.csv: 1 MB of 4 MB · 12,345 rows so far · about 2 s left',
    )
    expect(readingDetail('klienci.csv', readingProgress({ total: null }))).toBe('Reading klienci.csv…')
    setLanguage('pl')
    expect(readingDetail('klienci.csv', progress).replace(/\s/g, ' ')).toBe(
      'Wczytywanie pliku klienci.csv: 1 MB z 4 MB · dotąd 12 345 wierszy · jeszcze 2 s',
    )
    expect(readingDetail(null, readingProgress({ rowsSoFar: 2, etaSeconds: 0.5 }))).toBe(
      'Wczytywanie pliku: 1 MB z 4 MB · dotąd 2 wiersze · jeszcze niecała sekunda',
    )
  })

  it('names an encoding with a byte-order mark in the current language', () => {
    const dataset = { encoding: 'UTF-8 (with BOM)', encodingLabel: 'utf-8' } as const
    expect(encodingDescription(dataset)).toBe('UTF-8 (with BOM)')
    setLanguage('nl')
    expect(encodingDescription(dataset)).toBe('UTF-8 (met BOM)')
    expect(encodingDescription({ encoding: 'UTF-8', encodingLabel: 'utf-8' })).toBe('UTF-8')
  })
})

describe('Provider step and connections', () => {
  const sandbox = {
    id: 'sandbox' as ConnectionId,
    providerId: 'kustomer',
    name: 'Sandbox (a local Kustomer replica on this computer)',
    kind: 'sandbox',
    baseUrl: 'http://127.0.0.1:4000',
    settings: {},
    secretsSaved: [],
  } as unknown as ConnectionSummary

  it('shows where the data goes, and the Sandbox by its name, in Polish', () => {
    setLanguage('pl')
    appStore.setState({ providerId: 'kustomer', connections: [sandbox], connectionId: sandbox.id })
    render(<ProviderStep />)
    expect(screen.getByRole('heading', { level: 1, name: 'Wybierz platformę' })).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Platforma' })).toBeTruthy()
    const picker = screen.getByRole('combobox', { name: 'Połączenie' }) as HTMLSelectElement
    expect(picker.selectedOptions[0]?.textContent).toBe(
      'Sandbox (lokalna kopia platformy Kustomer na tym komputerze)',
    )
    const where = screen.getByText(/Dane trafią do/)
    expect(where.textContent).toBe(
      'Dane trafią do http://127.0.0.1:4000 — to ćwiczebna kopia platformy na tym komputerze; nic nie wychodzi poza niego.',
    )
    expect(where.querySelector('code')?.textContent).toBe('http://127.0.0.1:4000')
    expect(screen.getByRole('button', { name: 'Sprawdź połączenie' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Dodaj połączenie…' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Wstecz' })).toBeTruthy()
  })

  it('keeps the English of the picker as it was', () => {
    appStore.setState({ providerId: 'kustomer', connections: [sandbox], connectionId: sandbox.id })
    render(<ProviderStep />)
    const picker = screen.getByRole('combobox', { name: 'Connection' }) as HTMLSelectElement
    expect(picker.selectedOptions[0]?.textContent).toBe(sandbox.name)
    expect(screen.getByText(/Data goes to/).textContent).toBe(
      'Data goes to http://127.0.0.1:4000 — a practice copy of the platform on this computer; nothing leaves it.',
    )
  })

  it('asks for a new connection in Polish, with the provider’s own inputs translated', () => {
    setLanguage('pl')
    render(
      <ConnectionForm
        provider={PROVIDERS.kustomer}
        editing={null}
        onSaved={() => {}}
        onDeleted={() => {}}
        onClose={() => {}}
      />,
    )
    const form = screen.getByRole('region', { name: 'Nowe połączenie: Kustomer' })
    expect(within(form).getByRole('textbox', { name: 'Nazwa' }).getAttribute('placeholder')).toBe(
      'np. Produkcja',
    )
    expect(within(form).getByRole('textbox', { name: 'Nazwa organizacji (opcjonalnie)' })).toBeTruthy()
    const region = within(form).getByRole('combobox', { name: 'Region' })
    expect(within(region).getByRole('option', { name: 'Europa' })).toBeTruthy()
    expect(within(form).getByText(/Klucz API działa tylko w swoim regionie/)).toBeTruthy()
    expect(within(form).getByText('Zaawansowane')).toBeTruthy()
    expect(within(form).getByRole('button', { name: 'Zapisz połączenie' })).toBeTruthy()
    expect(within(form).getByRole('button', { name: 'Anuluj' })).toBeTruthy()
  })

  it('says a saved key is kept, and asks before deleting, in Polish', () => {
    setLanguage('pl')
    const asked: string[] = []
    const confirm = window.confirm
    window.confirm = (question?: string) => {
      asked.push(question ?? '')
      return false
    }
    try {
      const staging = {
        ...sandbox,
        id: 'staging' as ConnectionId,
        name: 'Staging',
        kind: 'remote',
        secretsSaved: ['apiKey'],
      } as unknown as ConnectionSummary
      render(
        <ConnectionForm
          provider={PROVIDERS.kustomer}
          editing={staging}
          onSaved={() => {}}
          onDeleted={() => {}}
          onClose={() => {}}
        />,
      )
      expect(screen.getByRole('region', { name: 'Edycja połączenia „Staging”' })).toBeTruthy()
      const key = document.getElementById('connection-apiKey')
      expect(key?.getAttribute('placeholder')).toBe('Zapisano — zostaw puste, aby zachować')
      fireEvent.click(screen.getByRole('button', { name: 'Usuń' }))
      expect(asked).toEqual(['Usunąć połączenie „Staging” i zapisane dla niego klucze?'])
    } finally {
      window.confirm = confirm
    }
  })
})

describe('the header’s steps and the engine fallback', () => {
  it('names the steps in the current language', () => {
    const { rerender } = render(
      <Stepper current="file" reachable={new Set(['file', 'provider'])} onChoose={() => {}} />,
    )
    const english = within(screen.getByRole('navigation', { name: 'Steps' })).getAllByRole('button')
    expect(english.map((step) => step.textContent)).toEqual([
      '1File',
      '2Provider',
      '3Map',
      '4Review',
      '5Upload',
    ])
    act(() => setLanguage('pl'))
    rerender(<Stepper current="file" reachable={new Set(['file', 'provider'])} onChoose={() => {}} />)
    const polish = within(screen.getByRole('navigation', { name: 'Kroki' })).getAllByRole('button')
    expect(polish.map((step) => step.textContent)).toEqual([
      '1Plik',
      '2Platforma',
      '3Mapowanie',
      '4Sprawdzenie',
      '5Przesyłanie',
    ])
  })

  it('says the engine could not be reached in the language of the moment', () => {
    expect(messageOf(new Error('socket closed'))).toMatch(/^Crosswalk could not reach its engine/)
    setLanguage('pl')
    expect(messageOf(new Error('socket closed'))).toMatch(/^Crosswalk nie może połączyć się/)
    // The engine's own messages are passed on as they are.
    expect(messageOf(new AppError('FILE_EMPTY', 'Plik jest pusty.'))).toBe('Plik jest pusty.')
  })
})
