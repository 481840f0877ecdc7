import { fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectionSummary } from '#shared/ipc/contract.ts'
import { MappingStep } from '../../../renderer/src/features/mapping/MappingStep.tsx'
import { PayloadPreview } from '../../../renderer/src/features/mapping/PayloadPreview.tsx'
import { appStore, initialAppState } from '../../../renderer/src/store/index.ts'
import { makeDatasetSummary } from '../../helpers/builders.ts'
import { fake } from '../../helpers/fake-api.ts'

const originalRows = fake.api.dataset.rows

afterEach(() => {
  fake.api.dataset.rows = originalRows
  appStore.setState(initialAppState, true)
})

/** The engine's first rows, with their source row numbers (row 4 was an empty line, skipped). */
function rowsOf(rows: { row: number; cells: string[] }[]) {
  fake.api.dataset.rows = (request) =>
    Promise.resolve({
      ok: true as const,
      value: { total: rows.length, rows: rows.slice(request.offset, request.offset + request.limit) },
    })
}

async function open() {
  const toggle = screen.getByRole('button', { name: /What will be sent — first 3 rows/ })
  expect(toggle.getAttribute('aria-expanded')).toBe('false')
  fireEvent.click(toggle)
  expect(toggle.getAttribute('aria-expanded')).toBe('true')
  await screen.findByRole('heading', { name: 'Row 2' })
}

function payloadOf(row: number): string {
  return screen.getByLabelText(`What is sent for row ${row}`).textContent ?? ''
}

const THULIUM_ROWS = [
  { row: 2, cells: ['Jan', 'Nowak', '+48 555-666-777', 'jan@firma.pl', 'Kowalski'] },
  { row: 3, cells: ['Ada', 'Lovelace', '', 'ada(at)example', 'Byron'] },
  { row: 5, cells: ['Ewa', '', '0048 111 222 333', 'ewa@firma.pl', 'Zięba'] },
  { row: 6, cells: ['Not', 'Shown', '', '', ''] },
]

describe('What will be sent', () => {
  it('shows each of the first three rows’ body with its row number, and follows the mapping', async () => {
    rowsOf(THULIUM_ROWS)
    appStore.setState({
      providerId: 'thulium',
      dataset: makeDatasetSummary({ headers: ['Imię', 'Nazwisko', 'Telefon', 'Email', 'Maiden name'] }),
      assignments: [
        { field: 'name', column: 0 },
        { field: 'surname', column: 1 },
        { field: 'phone_number', column: 2 },
        { field: 'email', column: 3 },
      ],
    })
    render(<PayloadPreview />)
    await open()
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Row 2',
      'Row 3',
      'Row 5',
    ])
    // The provider's own builder: Thulium's envelope, the phone as digits only.
    expect(JSON.parse(payloadOf(2))).toEqual({
      customers: [{ name: 'Jan', surname: 'Nowak', phone_number: '48555666777', email: 'jan@firma.pl' }],
    })
    expect(screen.getAllByText('POST /api/batch/customers (JSON)')).toHaveLength(3)

    // Row 3's email is not one, row 5 has no surname (required): neither is sent as it is.
    const row3 = screen.getByRole('article', { name: 'Row 3' })
    expect(within(row3).getByText(/Not sent as it is/)).toBeTruthy()
    expect(row3.textContent).toMatch(/email/i)
    const row5 = screen.getByRole('article', { name: 'Row 5' })
    expect(row5.textContent).toContain('Last name is required by Thulium')
    expect(within(screen.getByRole('article', { name: 'Row 2' })).queryByText(/Not sent/)).toBeNull()

    // Another column for the surname: the preview follows at once.
    appStore.getState().fieldMapped('surname', 4)
    await screen.findByText(/"surname": "Kowalski"/)
    expect(JSON.parse(payloadOf(2)).customers[0].surname).toBe('Kowalski')
    expect(screen.getByRole('article', { name: 'Row 5' }).textContent).not.toContain('Last name is required')
  })

  it('uses the chosen connection’s settings, and says when a row cannot be sent with them', async () => {
    rowsOf([
      { row: 2, cells: ['C-1', 'Ada', '25494'] },
      { row: 3, cells: ['C-2', 'Jan', ''] },
    ])
    const connection = {
      id: 'c1',
      providerId: 'propeller',
      name: 'Webshop',
      kind: 'remote',
      baseUrl: 'https://api.helice.cloud',
      settings: { apiHost: 'api.helice.cloud', clientId: 'abc', source: 'WEBSHOP', matchBy: 'id' },
      secretsSaved: ['clientSecret'],
    } as unknown as ConnectionSummary
    appStore.setState({
      providerId: 'propeller',
      dataset: makeDatasetSummary({ headers: ['Customer ID', 'First name', 'Propeller ID'] }),
      assignments: [
        { field: 'sourceId', column: 0 },
        { field: 'firstName', column: 1 },
        { field: 'propellerId', column: 2 },
      ],
      connections: [connection],
      connectionId: connection.id,
    })
    render(<PayloadPreview />)
    await open()
    expect(screen.getByText(/sent through the connection “Webshop”/)).toBeTruthy()
    expect(JSON.parse(payloadOf(2))).toEqual({
      customers: [{ id: 25494, source: 'WEBSHOP', sourceId: 'C-1', firstName: 'Ada' }],
    })
    const row3 = screen.getByRole('article', { name: 'Row 3' })
    expect(row3.textContent).toContain('Not sent with this connection')
    expect(row3.textContent).toContain('no valid Propeller customer ID')
    expect(screen.queryByLabelText('What is sent for row 3')).toBeNull()
  })

  it('sits at the bottom of the mapping screen, closed until asked for', async () => {
    rowsOf(THULIUM_ROWS)
    appStore.setState({
      providerId: 'thulium',
      dataset: makeDatasetSummary({ headers: ['Imię', 'Nazwisko', 'Telefon', 'Email', 'Maiden name'] }),
    })
    render(<MappingStep />)
    expect(screen.queryByLabelText('What is sent for row 2')).toBeNull()
    await open()
    expect(JSON.parse(payloadOf(2)).customers[0]).toMatchObject({ name: 'Jan', surname: 'Nowak' })
  })
})
