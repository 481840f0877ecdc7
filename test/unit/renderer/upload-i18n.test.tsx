import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { formatDateTime } from '#shared/i18n/format.ts'
import { formatMessage, sentence, setLanguage } from '#shared/i18n/i18n.ts'
import { message } from '#shared/i18n/message.ts'
import type { ConnectionId, JobId } from '#shared/ids.ts'
import type { ConnectionSummary } from '#shared/ipc/contract.ts'
import type { RendererApi } from '#shared/ipc/api.ts'
import { DryRunSummary } from '../../../renderer/src/features/upload/DryRunSummary.tsx'
import { OutcomeMessage } from '../../../renderer/src/features/upload/OutcomeMessage.tsx'
import { ResumeOffer } from '../../../renderer/src/features/upload/ResumeOffer.tsx'
import { ThroughputChart } from '../../../renderer/src/features/upload/ThroughputChart.tsx'
import { UploadHistory } from '../../../renderer/src/features/upload/UploadHistory.tsx'
import { UploadProgress } from '../../../renderer/src/features/upload/UploadProgress.tsx'
import { UploadStep } from '../../../renderer/src/features/upload/UploadStep.tsx'
import { UploadSummary } from '../../../renderer/src/features/upload/UploadSummary.tsx'
import { appStore, initialAppState } from '../../../renderer/src/store/index.ts'
import { makeDatasetSummary } from '../../helpers/builders.ts'
import { fake } from '../../helpers/fake-api.ts'

// The upload screens in Polish (Thulium's users) and Dutch (Omnidesk's): real sentences with the plural
// form each count needs, numbers and dates in the language's own format, and a switch while on screen.

const original = { ...fake.api.upload }
const originalUploads = { ...fake.api.uploads }

afterEach(() => {
  setLanguage('en')
  appStore.setState(initialAppState, true)
  Object.assign(fake.api.upload, original)
  Object.assign(fake.api.uploads, originalUploads)
})

const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value })

/** Polish and Dutch put a no-break space between thousands. */
const spaced = (text: string) => text.replace(/\u00a0/g, ' ')

function showUploadStep(rows: number, withErrors: number, fileName = 'klienci.csv') {
  fake.api.upload.start = () => new Promise(() => {})
  appStore.setState({
    providerId: 'thulium',
    dataset: makeDatasetSummary({ rowCount: rows, fileName }),
    connections: [
      {
        id: 'c1' as ConnectionId,
        providerId: 'thulium',
        name: 'Produkcja',
        kind: 'remote',
        baseUrl: 'https://firma.thulium.com',
      } as ConnectionSummary,
    ],
    connectionId: 'c1' as ConnectionId,
    validation: { rows, valid: rows - withErrors, withErrors, withWarnings: 0, edited: 0, errorsByField: {} },
    include: 'valid',
  })
  render(<UploadStep />)
}

describe('the upload step in Polish', () => {
  it('says the rows, the choice about errors and the last look before sending, in the right plural forms', () => {
    setLanguage('pl')
    showUploadStep(12_345, 3)
    expect(screen.getByRole('heading', { name: 'Przesyłanie do platformy Thulium' })).toBeTruthy()
    const intro = screen.getByText(
      (_, element) => element?.tagName === 'P' && /z pliku/.test(element.textContent),
    )
    expect(spaced(intro.textContent ?? '')).toBe(
      '12 345 wierszy z pliku klienci.csv przez połączenie Produkcja (https://firma.thulium.com).',
    )
    expect(within(intro).getByText('klienci.csv').tagName).toBe('STRONG')
    expect(within(intro).getByText('https://firma.thulium.com').tagName).toBe('CODE')
    expect(screen.getByRole('group', { name: 'Wiersze z błędami' })).toBeTruthy()
    expect(
      screen.getByRole('radio', {
        name: 'Pomiń wiersze z błędami — 3 wiersze zostaną pominięte i pokazane na liście z przyczyną',
      }),
    ).toBeTruthy()
    expect(
      screen.getByRole('radio', {
        name: 'Prześlij wszystkie wiersze — o 3 wierszach z błędami zdecyduje Thulium',
      }),
    ).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Przebieg próbny' })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Rozpocznij przesyłanie' }))
    const dialog = screen.getByRole('alertdialog')
    expect(spaced(dialog.querySelector('h2')?.textContent ?? '')).toBe(
      'Wysłać 12 342 wiersze do platformy Thulium?',
    )
    expect(spaced(dialog.textContent ?? '')).toContain(
      'To jest Produkcja (https://firma.thulium.com), a nie Sandbox: klienci zostaną utworzeni lub zmienieni na tym koncie. 3 wiersze z błędami zostaną pominięte.',
    )
    expect(document.activeElement?.textContent).toBe('Jeszcze nie')
    expect(within(dialog).getByRole('button', { name: /^Wyślij 12.342 wiersze$/ })).toBeTruthy()
  })

  it('uses the singular and the "many" form where the counts call for them', () => {
    setLanguage('pl')
    showUploadStep(6, 1)
    expect(screen.getByText(/^6 wierszy z pliku/)).toBeTruthy()
    expect(screen.getByRole('radio', { name: /— 1 wiersz zostanie pominięty i pokazany/ })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Rozpocznij przesyłanie' }))
    expect(screen.getByRole('alertdialog', { name: 'Wysłać 5 wierszy do platformy Thulium?' })).toBeTruthy()
    expect(screen.getByRole('alertdialog').textContent).toContain('1 wiersz z błędami zostanie pominięty.')
    expect(screen.getByRole('button', { name: 'Wyślij 5 wierszy' })).toBeTruthy()
  })

  it('keeps a file name that looks like markup as plain text', () => {
    setLanguage('pl')
    showUploadStep(2, 0, 'klienci <b>2024</b>.csv')
    expect(screen.getByText('klienci <b>2024</b>.csv').tagName).toBe('STRONG')
  })

  it('follows a language switch while it is on screen', () => {
    showUploadStep(4, 1)
    expect(screen.getByRole('heading', { name: 'Upload to Thulium' })).toBeTruthy()
    act(() => setLanguage('pl'))
    expect(screen.getByRole('heading', { name: 'Przesyłanie do platformy Thulium' })).toBeTruthy()
    expect(screen.getByText(/^4 wiersze z pliku/)).toBeTruthy()
    act(() => setLanguage('nl'))
    expect(screen.getByRole('heading', { name: 'Uploaden naar Thulium' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Upload starten' })).toBeTruthy()
  })
})

describe('upload results in Polish', () => {
  it('states each total with the form its number needs', () => {
    setLanguage('pl')
    render(
      <UploadSummary
        totals={{ rows: 12_000, created: 11_990, updated: 2, skipped: 1, failed: 7 }}
        rowsInFile={12_000}
      />,
    )
    const region = screen.getByRole('status', { name: 'Wyniki przesyłania' })
    const lines = [...region.querySelectorAll('p')].map((line) => spaced(line.textContent ?? ''))
    expect(lines).toEqual([
      '11 990 utworzonych',
      '2 zaktualizowane',
      '1 pominięty',
      '7 nieudanych',
      'z 12 000 wierszy w pliku',
    ])
  })

  it('says a retry of a single row in the singular', () => {
    setLanguage('pl')
    render(
      <UploadSummary totals={{ rows: 1, created: 1, updated: 0, skipped: 0, failed: 0 }} rowsInFile={10} />,
    )
    expect(screen.getByText('z 1 wiersza wysłanego ponownie')).toBeTruthy()
    expect(screen.getByText('0 zaktualizowanych')).toBeTruthy()
  })

  it('says what a dry run found and how many requests and lookups it takes', async () => {
    setLanguage('pl')
    fake.api.upload.results = (() =>
      ok({
        totals: { rows: 10, created: 0, updated: 0, skipped: 0, failed: 0 },
        rows: [],
        dryRun: {
          rows: 10,
          wouldCreate: 6,
          wouldUpdate: 2,
          wouldSend: 0,
          skipped: 1,
          failed: 1,
          requests: 5,
          lookups: 3,
        },
      })) as unknown as RendererApi['upload']['results']
    render(<DryRunSummary jobId={'j1' as JobId} providerName="Thulium" />)
    const region = await screen.findByRole('status', { name: 'Wyniki przebiegu próbnego' })
    expect([...region.querySelectorAll('p')].map((line) => line.textContent)).toEqual([
      '6 do utworzenia',
      '2 do aktualizacji',
      '1 pominięty',
      '1 nie powiódłby się',
      'z 10 wierszy w pliku',
    ])
    expect(
      screen.getByText(
        'Przesyłanie wysłałoby 5 żądań do platformy Thulium. Aby odróżnić nowych klientów od istniejących, ten przebieg próbny wykonał 3 zapytania tylko do odczytu, tak samo jak przesyłanie.',
      ),
    ).toBeTruthy()
  })

  it('says a dry run of a provider that decides itself, in Dutch', async () => {
    setLanguage('nl')
    fake.api.upload.results = (() =>
      ok({
        totals: { rows: 3, created: 0, updated: 0, skipped: 0, failed: 0 },
        rows: [],
        dryRun: {
          rows: 3,
          wouldCreate: 0,
          wouldUpdate: 0,
          wouldSend: 3,
          skipped: 0,
          failed: 0,
          requests: 1,
          lookups: 0,
        },
      })) as unknown as RendererApi['upload']['results']
    render(<DryRunSummary jobId={'j1' as JobId} providerName="Omnidesk" />)
    const region = await screen.findByRole('status', { name: 'Resultaten van de proefrun' })
    expect(region.textContent).toContain('3 zouden worden verstuurd')
    expect(region.textContent).toContain('van 3 rijen in het bestand')
    expect(screen.getByText(/^De upload zou 1 verzoek naar Omnidesk sturen, dat zelf beslist/)).toBeTruthy()
  })
})

describe('the results table after a language switch', () => {
  it('says Crosswalk’s own reasons in the language chosen now, and the provider’s as it gave them', () => {
    // Made while the app spoke English, as an upload's journal keeps them.
    const skipped = sentence(message('engine:dataset.excluded'))
    setLanguage('pl')
    const { container, rerender } = render(
      <OutcomeMessage outcome={{ row: 2, status: 'skipped', ...skipped }} />,
    )
    expect(container.textContent).toBe(formatMessage(skipped.said))
    expect(container.textContent).not.toBe(skipped.message)
    rerender(
      <OutcomeMessage
        outcome={{ row: 3, status: 'failed', message: 'Thulium: pole "surname" jest wymagane' }}
      />,
    )
    expect(container.textContent).toBe('Thulium: pole "surname" jest wymagane')
  })
})

describe('a running upload in Polish', () => {
  const progress = (done: number, total: number, etaSeconds: number | null) => ({
    type: 'progress' as const,
    jobId: 'j1' as JobId,
    kind: 'upload' as const,
    done,
    total,
    unit: 'rows' as const,
    ratePerSecond: 25,
    etaSeconds,
  })

  it('says how far it is, how fast, and how long is left', () => {
    setLanguage('pl')
    const noop = () => {}
    const { rerender } = render(
      <UploadProgress
        progress={progress(3, 5, 12)}
        paused={false}
        onPause={noop}
        onContinue={noop}
        onCancel={noop}
      />,
    )
    expect(screen.getByText('3 z 5 wierszy · 25 wierszy/s · zostało około 12 s')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Wstrzymaj' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Anuluj' })).toBeTruthy()
    rerender(
      <UploadProgress
        progress={progress(0, 1, null)}
        paused={true}
        onPause={noop}
        onContinue={noop}
        onCancel={noop}
      />,
    )
    expect(screen.getByText(/^Wstrzymano: 0 z 1 wiersza\. Żądania, które są już w drodze/)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Kontynuuj' })).toBeTruthy()
  })

  it('labels the throughput chart in words', () => {
    setLanguage('pl')
    render(
      <ThroughputChart
        samples={[
          { at: 0, done: 0 },
          { at: 10_000, done: 15_000 },
        ]}
      />,
    )
    const chart = screen.getByRole('img')
    expect(spaced(chart.getAttribute('aria-label') ?? '')).toBe(
      'Przepustowość: 1500 wierszy/s średnio w ciągu 10 s, maksymalnie 1500 wierszy/s, ostatnio 1500 wierszy/s',
    )
  })
})

describe('unfinished and past uploads in Polish', () => {
  const startedAt = '2025-03-05T12:00:00.000Z'

  it('offers to resume, with the date in Polish and the rows done', async () => {
    setLanguage('pl')
    fake.api.uploads.unfinished = (() =>
      ok([
        {
          id: 'u1',
          fileName: 'klienci.csv',
          providerId: 'thulium',
          connectionName: 'Produkcja',
          sandbox: false,
          startedAt,
          answered: 40,
          rowCount: 102,
        },
      ])) as unknown as RendererApi['uploads']['unfinished']
    render(<ResumeOffer />)
    expect(await screen.findByRole('heading', { name: 'Niedokończone przesyłania' })).toBeTruthy()
    const item = screen.getByText('klienci.csv').closest('p')!
    expect(item.textContent).toBe(
      `klienci.csv do platformy Thulium (Produkcja), rozpoczęte ${formatDateTime(new Date(startedAt))}, zatrzymane po 40 z 102 wierszy. Wznowienie wyśle tylko pozostałe wiersze; nic nie zostanie wysłane dwa razy.`,
    )
    // The date is Polish ("5 mar 2025"), not the computer's locale.
    expect(item.textContent).toMatch(/5 mar 2025/)
    expect(screen.getByRole('button', { name: 'Wznów przesyłanie' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Odrzuć' })).toBeTruthy()
  })

  it('lists past uploads with their totals in words', async () => {
    setLanguage('pl')
    fake.api.uploads.history = (() =>
      ok([
        {
          id: 'h1',
          fileName: 'klienci.csv',
          providerId: 'thulium',
          connectionName: 'Produkcja',
          startedAt,
          finished: true,
          totals: { rows: 25, created: 22, updated: 0, skipped: 0, failed: 3 },
        },
        {
          id: 'h2',
          fileName: 'stare.csv',
          providerId: 'omnidesk',
          connectionName: 'Sandbox',
          startedAt,
          finished: false,
          totals: { rows: 1, created: 0, updated: 0, skipped: 0, failed: 0 },
        },
      ])) as unknown as RendererApi['uploads']['history']
    render(<UploadHistory />)
    expect(await screen.findByText('Ostatnie przesyłania (2)')).toBeTruthy()
    const table = screen.getByRole('table', { name: 'Ostatnie przesyłania' })
    expect(within(table).getByRole('columnheader', { name: 'Rozpoczęto' })).toBeTruthy()
    expect(within(table).getByText('22 utworzone · 3 nieudane')).toBeTruthy()
    expect(within(table).getByText('zatrzymane po 0 z 1 wiersza')).toBeTruthy()
  })
})
