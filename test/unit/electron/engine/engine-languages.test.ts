import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_CONNECTION_ID } from '#shared/ids.ts'
import { formatMessage, sentence, setLanguage } from '#shared/i18n/i18n.ts'
import { message } from '#shared/i18n/message.ts'
import { fieldLabel } from '#shared/i18n/provider-text.ts'
import type { DatasetSummary } from '#shared/jobs.ts'
import type { Mapping } from '#shared/mapping/mapping.ts'
import { parseTemplateFile, templateFileText } from '#shared/mapping/template-file.ts'
import { kustomer } from '#shared/providers/kustomer/index.ts'
import type { Engine } from '../../../../electron/engine/engine.ts'
import { checkFilePath } from '../../../../electron/engine/ingest/check-file-path.ts'
import { readTable } from '../../../../electron/engine/ingest/read-table.ts'
import { notResentMessage } from '../../../../electron/engine/upload/resend-policy.ts'
import { unsuccessfulRowsCsv } from '../../../../electron/engine/upload/unsuccessful-rows-csv.ts'
import { engineFromSource } from '../../../helpers/engine-from-source.ts'
import { recordJob } from '../../../helpers/job-events.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// What the engine says about files, templates, connections and uploads follows the language the person
// chose: sentences are made in that language when they happen, in this process and in the dataset
// worker. The English of the same sentences is held by the other engine tests.

const files = tempFiles()
const CP1250 = new URL('../../../fixtures/klienci-cp1250.csv', import.meta.url).pathname
const CUSTOMERS = new URL('../../../fixtures/customers-10.csv', import.meta.url).pathname

const read = (path: string) => readTable(path, new AbortController().signal, () => {})

/** A header with a blank name, `empty` blank lines, then two rows with a missing cell. */
function messyCsv(empty: number): string {
  return ['Name,,Email', 'Ada,x,ada@example.com', ...Array<string>(empty).fill(''), 'Bob,y', 'Cy,z', ''].join(
    '\n',
  )
}

afterEach(() => setLanguage('en'))
afterAll(() => files.cleanup())

describe('file problems in Polish', () => {
  it('says how to convert a workbook format it does not read', async () => {
    setLanguage('pl')
    await expect(checkFilePath(join(files.dir, 'Klienci.xls'))).rejects.toMatchObject({
      code: 'FILE_UNSUPPORTED',
      message: expect.stringMatching(
        /^Crosswalk odczytuje skoroszyty Excela \(\.xlsx\) i pliki CSV, ale nie pliki \.xls\. Otwórz „Klienci\.xls” /,
      ),
    })
  })

  it('names a missing file and a folder', async () => {
    setLanguage('pl')
    await expect(checkFilePath(join(files.dir, 'brak.csv'))).rejects.toMatchObject({
      message:
        'Crosswalk nie może otworzyć pliku „brak.csv”: plik już nie istnieje (czy został przeniesiony lub usunięty?).',
    })
    mkdirSync(join(files.dir, 'folder.csv'))
    await expect(checkFilePath(join(files.dir, 'folder.csv'))).rejects.toMatchObject({
      message: '„folder.csv” to folder, a nie plik. Upuść plik z arkuszem.',
    })
  })

  it('refuses an empty file', async () => {
    setLanguage('pl')
    await expect(read(files.write('pusty.csv', ''))).rejects.toMatchObject({
      code: 'FILE_EMPTY',
      message: 'Plik „pusty.csv” jest pusty. Wybierz plik z wierszem nagłówka i klientami.',
    })
  })

  it('words its notices with Polish plural forms and names blank columns in Polish', async () => {
    setLanguage('pl')
    const three = await read(files.write('trzy.csv', messyCsv(3)))
    expect(three.headers).toEqual(['Name', 'Kolumna 2', 'Email'])
    expect(three.notices).toEqual([
      '1 nazwa kolumny była pusta lub powtórzona i dostała niepowtarzalną nazwę (np. „Kolumna 3”, „Email (2)”).',
      '2 wiersze mają inną liczbę komórek niż nagłówek (wiersze 6, 7). Brakujące komórki są traktowane jako puste; sprawdź te wiersze w arkuszu.',
      'Pominięto 3 puste wiersze.',
    ])
    const five = await read(files.write('piec.csv', messyCsv(5)))
    expect(five.notices.at(-1)).toBe('Pominięto 5 pustych wierszy.')
    const one = await read(files.write('jeden.csv', messyCsv(1)))
    expect(one.notices.at(-1)).toBe('Pominięto 1 pusty wiersz.')
  })

  it('names a guessed legacy encoding and a byte-order mark in Polish', async () => {
    setLanguage('pl')
    const legacy = await read(CP1250)
    expect(legacy.encoding).toBe('Windows-1250 (środkowoeuropejskie)')
    expect(legacy.notices[0]).toMatch(
      /^Ten plik nie jest zapisany w UTF-8, więc Crosswalk .* uznał, że to Windows-1250 \(środkowoeuropejskie\)\./,
    )
    const bom = await read(files.write('bom.csv', '\uFEFFName,Email\nAda,ada@example.com\n'))
    expect(bom.encoding).toBe('UTF-8 (z BOM)')
  })

  it('and in Dutch', async () => {
    setLanguage('nl')
    const five = await read(files.write('vijf.csv', messyCsv(5)))
    expect(five.headers).toEqual(['Name', 'Kolom 2', 'Email'])
    expect(five.notices.at(-1)).toBe('5 lege rijen zijn overgeslagen.')
    await expect(checkFilePath(join(files.dir, 'map.csv'))).rejects.toMatchObject({
      message:
        'Crosswalk kan "map.csv" niet openen: het bestaat niet meer (is het verplaatst of verwijderd?).',
    })
  })
})

describe('template files in Polish', () => {
  it('refuses a template for another provider, naming both', () => {
    setLanguage('pl')
    const text = templateFileText({ name: 'Eksport sklepu', providerId: 'thulium', fields: [] })
    const parsed = parseTemplateFile(text, 'Eksport sklepu.json', { providerId: 'kustomer' })
    expect(parsed).toMatchObject({
      ok: false,
      problem: 'other-provider',
      message:
        '„Eksport sklepu.json” to szablon dla platformy Thulium, a to przesyłanie trafia do platformy Kustomer. Aby go użyć, wybierz Thulium jako miejsce docelowe.',
    })
  })

  it('lists what is wrong, counting the rest with a Polish plural', () => {
    setLanguage('pl')
    const text = JSON.stringify({
      format: 'crosswalk.mapping-template',
      version: 1,
      name: '',
      providerId: 'nope',
      fields: [{ field: '', header: 5 }, { field: 'name', header: 'A', transforms: [{ kind: 'x' }] }, 7],
      constants: 'x',
    })
    const parsed = parseTemplateFile(text, 'zly.json')
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.message).toBe(
      '„zly.json” nie jest poprawnym szablonem. Szablon potrzebuje nazwy o długości od 1 do 100 znaków; Crosswalk nie zna platformy „nope” (znane: kustomer, capillary, thulium, omnidesk, propeller); Pole 1: potrzebny jest klucz pola platformy (i jeszcze 4 problemy).',
    )
  })

  it('says a file that is not JSON is not a template', () => {
    setLanguage('pl')
    const parsed = parseTemplateFile('{nie json', 'notatki.json')
    expect(!parsed.ok && parsed.message).toMatch(/^„notatki\.json” nie jest plikiem szablonu/)
  })
})

describe('upload outcomes in Polish', () => {
  it('explains a row that was not sent again after a crash', () => {
    setLanguage('pl')
    const label = fieldLabel(
      'kustomer',
      kustomer.fields.find((field) => field.key === 'externalId')!,
    )
    expect(formatMessage(notResentMessage(kustomer, {}))).toBe(
      `Crosswalk zatrzymał się w trakcie wysyłania tego wiersza, więc może on być w Kustomer albo nie. Nie został wysłany ponownie (nie ma pola ${label}, po którym można by to sprawdzić), aby nie powstał dwa razy: sprawdź w Kustomer i prześlij go jeszcze raz, jeśli go brakuje.`,
    )
  })

  it('says a row’s reason in the language chosen when it is read, not the one it was made in', () => {
    setLanguage('en')
    const invalid = message('validation:notSent.andMore', {
      problem: message('validation:rules.email', { value: 'ann@@x.pl' }),
      count: 2,
    })
    const outcome = {
      row: 4,
      status: 'skipped' as const,
      ...sentence(message('engine:dataset.notSentInvalid', { problems: invalid })),
    }
    expect(outcome.message).toMatch(/^Not sent because of a validation error: .*ann@@x\.pl.*\(and 2 more\)/)
    setLanguage('pl')
    const polish = formatMessage(outcome.said)
    expect(polish).toMatch(/^Nie wysłano z powodu błędu walidacji: .*ann@@x\.pl.*\(i jeszcze 2 błędy\)$/)
    expect(unsuccessfulRowsCsv(['E-mail'], [outcome], [['ann@@x.pl']])).toContain(`Wiersz 4: ${polish}`)
  })

  it('writes the rows that did not go through with a Polish reason column', () => {
    setLanguage('pl')
    const csv = unsuccessfulRowsCsv(['Imię'], [{ row: 7, status: 'skipped' }], [['Łucja']])
    expect(csv).toBe('\uFEFFImię,Błąd Crosswalk\r\nŁucja,Wiersz 7: pominięty\r\n')
  })
})

describe('the engine and its worker in Polish', () => {
  let engine: Engine

  async function ingest(path: string): Promise<DatasetSummary> {
    const job = recordJob()
    engine.openFile(path, job.listener)
    const terminal = await job.terminal
    if (terminal.type !== 'completed' || terminal.result.kind !== 'ingest')
      throw new Error(JSON.stringify(terminal))
    return terminal.result.dataset
  }

  beforeAll(async () => {
    engine = engineFromSource()
    await engine.setLanguage('pl', false)
  })
  afterAll(async () => {
    await engine.setLanguage('en', true)
    await engine.close()
  })

  it('reports a file problem found in the worker in Polish', async () => {
    await engine.setLanguage('pl', false)
    const job = recordJob()
    engine.openFile(files.write('pusty-silnik.csv', ''), job.listener)
    await expect(job.terminal).resolves.toMatchObject({
      type: 'failed',
      error: {
        code: 'FILE_EMPTY',
        message: 'Plik „pusty-silnik.csv” jest pusty. Wybierz plik z wierszem nagłówka i klientami.',
      },
    })
    const dataset = await ingest(files.write('silnik.csv', messyCsv(2)))
    expect(dataset.notices.at(-1)).toBe('Pominięto 2 puste wiersze.')
  })

  it('says why rows were not sent, in the upload results', async () => {
    await engine.setLanguage('pl', false)
    const dataset = await ingest(CUSTOMERS)
    const mapping: Mapping = {
      providerId: 'kustomer',
      assignments: [
        { field: 'name', column: 0 },
        { field: 'emails.0.email', column: 1 },
      ],
    }
    await engine.applyMapping({ datasetId: dataset.datasetId, mapping })
    await engine.exclude({
      datasetId: dataset.datasetId,
      target: { kind: 'rows', rows: [2] },
      excluded: true,
    })
    const job = recordJob()
    const jobId = await engine.startUpload(
      { datasetId: dataset.datasetId, connectionId: SANDBOX_CONNECTION_ID, include: 'valid' },
      job.listener,
    )
    await expect(job.terminal).resolves.toMatchObject({ type: 'completed' })
    const rows = engine.uploadResults({ jobId, offset: 0, limit: 20 }).rows
    expect(rows.find((row) => row.row === 2)).toMatchObject({
      status: 'skipped',
      message: 'Wykluczony w przeglądzie',
    })
    // Row 6 has a broken email: its reason starts in Polish (the validation message itself is another's).
    expect(rows.find((row) => row.row === 6)).toMatchObject({
      status: 'skipped',
      message: expect.stringMatching(/^Nie wysłano z powodu błędu walidacji: /),
    })
    const unsuccessful = await engine.unsuccessfulRows(jobId)
    expect(unsuccessful.fileName).toBe('customers-10 - nie zaimportowano.csv')
    expect(unsuccessful.csv.split('\r\n')[0]).toBe(
      '\uFEFFFull name,Email,Phone,Customer ID,Tags,Loyalty tier,Błąd Crosswalk',
    )
  })

  it('names the sandbox and refuses a missing connection in Polish', async () => {
    await engine.setLanguage('pl', false)
    const [sandbox] = await engine.listConnections('thulium')
    expect(sandbox?.name).toBe('Sandbox (lokalna kopia platformy Thulium na tym komputerze)')
    expect(() =>
      engine.saveConnection({
        id: SANDBOX_CONNECTION_ID,
        providerId: 'thulium',
        name: 'x',
        settings: {},
        secrets: {},
      }),
    ).toThrow('Sandboxu nie można zmienić. Zamiast tego dodaj nowe połączenie.')
  })
})
