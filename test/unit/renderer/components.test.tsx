import { act, fireEvent, render, screen } from '@testing-library/react'
import type { ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import { afterEach, describe, expect, it } from 'vitest'
import { MappingStep } from '../../../renderer/src/features/mapping/MappingStep.tsx'
import { cellPhrases } from '../../../renderer/src/features/review/cell-phrases.ts'
import { ReviewCell } from '../../../renderer/src/features/review/ReviewCell.tsx'
import { CredentialsRefused } from '../../../renderer/src/features/upload/CredentialsRefused.tsx'
import { ResumeOffer } from '../../../renderer/src/features/upload/ResumeOffer.tsx'
import { UploadStep } from '../../../renderer/src/features/upload/UploadStep.tsx'
import { UploadSummary } from '../../../renderer/src/features/upload/UploadSummary.tsx'
import { appStore, initialAppState } from '../../../renderer/src/store/index.ts'
import { makeDatasetSummary } from '../../helpers/builders.ts'
import { fake } from '../../helpers/fake-api.ts'
import type { ConnectionId, JobId } from '#shared/ids.ts'
import type { ConnectionSummary } from '#shared/ipc/contract.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'

afterEach(() => appStore.setState(initialAppState, true))

/** As the grid renders a cell: with the review step's words. */
function Cell(props: Omit<ComponentProps<typeof ReviewCell>, 'phrases'>) {
  const { t } = useTranslation('review')
  return <ReviewCell {...props} phrases={cellPhrases(t)} />
}

describe('MappingStep', () => {
  function renderMapping() {
    appStore.setState({
      providerId: 'kustomer',
      dataset: makeDatasetSummary(),
    })
    render(<MappingStep />)
  }

  it('shows the automatic matches and turns a leftover column into a custom attribute', () => {
    renderMapping()
    expect((screen.getByRole('combobox', { name: 'Full name' }) as HTMLSelectElement).value).toBe('0')
    expect((screen.getByRole('combobox', { name: 'Email' }) as HTMLSelectElement).value).toBe('1')
    fireEvent.click(screen.getByRole('button', { name: /Add as custom attribute .Loyalty tier./ }))
    expect(screen.getByText('custom.loyaltyTierStr', { selector: 'code' })).toBeTruthy()
    expect(appStore.getState().assignments).toContainEqual({ field: 'custom.loyaltyTierStr', column: 2 })
  })

  it('lets the person choose a Kustomer custom attribute’s type, which renames it', () => {
    renderMapping()
    fireEvent.click(screen.getByRole('button', { name: /Add as custom attribute .Loyalty tier./ }))
    const type = screen.getByRole('combobox', { name: 'Type of “Loyalty tier”' }) as HTMLSelectElement
    expect(type.value).toBe('Str')
    fireEvent.change(type, { target: { value: 'Num' } })
    expect(screen.getByText('custom.loyaltyTierNum', { selector: 'code' })).toBeTruthy()
    const custom = appStore
      .getState()
      .assignments.filter((assignment) => assignment.field.startsWith('custom.'))
    expect(custom).toEqual([{ field: 'custom.loyaltyTierNum', column: 2 }])
  })

  it('will not continue with nothing mapped, and says why', () => {
    renderMapping()
    fireEvent.change(screen.getByRole('combobox', { name: 'Full name' }), { target: { value: '' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Email' }), { target: { value: '' } })
    expect((screen.getByRole('button', { name: 'Continue' }) as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getByText(/No column is mapped yet/)).toBeTruthy()
  })
})

describe('ReviewCell', () => {
  it('shows the value as it will be sent, and what the file says on hover', () => {
    const { container } = render(
      <Cell
        column={0}
        label="Phone"
        onEdit={() => {}}
        field="phone"
        row={{ row: 3, cells: ['601 234 567'], values: { phone: '+48601234567' } }}
      />,
    )
    const cell = container.querySelector('button')
    expect(cell?.textContent).toBe('+48601234567')
    expect(cell?.getAttribute('title')).toBe('In your file: 601 234 567')
  })

  it('marks an invalid value with a word and its message, not only a colour', () => {
    const { container } = render(
      <Cell
        column={1}
        label="Email"
        onEdit={() => {}}
        field="emails.0.email"
        row={{
          row: 6,
          cells: ['Bob', 'bob@@x.com'],
          values: { 'emails.0.email': 'bob@@x.com' },
          issues: [
            {
              field: 'emails.0.email',
              severity: 'error',
              rule: 'email',
              message: '"bob@@x.com" is not a valid email address.',
            },
          ],
        }}
      />,
    )
    const cell = container.querySelector('[aria-invalid]')
    expect(cell?.textContent).toContain('bob@@x.com')
    expect(cell?.getAttribute('aria-invalid')).toBe('true')
    expect(cell?.getAttribute('title')).toBe('"bob@@x.com" is not a valid email address.')
    expect(screen.getByText(/Error: "bob@@x.com" is not a valid email address./)).toBeTruthy()
  })

  it('shows a valid value plainly', () => {
    render(
      <Cell
        field="name"
        column={0}
        label="Full name"
        onEdit={() => {}}
        row={{ row: 2, cells: ['Ann'], values: { name: 'Ann' }, issues: [] }}
      />,
    )
    expect(screen.getByRole('button', { name: 'Ann' }).getAttribute('aria-invalid')).toBeNull()
  })

  it('edits the source cell: Enter saves a changed value, Escape leaves it alone', () => {
    const saved: string[] = []
    const row = {
      row: 6,
      cells: ['Ed', 'bob@@x.com'],
      values: { 'emails.0.email': 'bob@@x.com' },
      issues: [],
    }
    render(
      <Cell
        field="emails.0.email"
        column={1}
        label="Email"
        onEdit={(value) => saved.push(value)}
        row={row}
      />,
    )
    fireEvent.click(screen.getByRole('button', { name: 'bob@@x.com' }))
    const input = screen.getByRole('textbox', { name: 'Edit Email, row 6' })
    fireEvent.keyDown(input, { key: 'Escape' })
    expect(saved).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'bob@@x.com' }))
    const again = screen.getByRole('textbox', { name: 'Edit Email, row 6' })
    fireEvent.change(again, { target: { value: 'bob@x.com' } })
    fireEvent.keyDown(again, { key: 'Enter' })
    expect(saved).toEqual(['bob@x.com'])
  })
})

describe('UploadSummary', () => {
  it('states every total on its own', () => {
    render(
      <UploadSummary totals={{ rows: 10, created: 9, updated: 0, skipped: 0, failed: 1 }} rowsInFile={10} />,
    )
    const region = screen.getByRole('status', { name: 'Upload results' })
    for (const text of ['9 created', '0 updated', '0 skipped', '1 failed', 'of 10 rows in the file']) {
      expect(region.textContent).toContain(text)
      expect(screen.getByText(text)).toBeTruthy()
    }
  })

  it('says when only some rows were sent again', () => {
    render(
      <UploadSummary totals={{ rows: 2, created: 2, updated: 0, skipped: 0, failed: 0 }} rowsInFile={10} />,
    )
    expect(screen.getByText('of 2 rows sent again')).toBeTruthy()
  })
})

describe('UploadStep', () => {
  const started: unknown[] = []
  function renderUpload(kind: 'sandbox' | 'remote') {
    started.length = 0
    fake.api.upload.start = (request) => {
      started.push(request)
      return new Promise(() => {}) // stays running; the test only looks at what was asked
    }
    appStore.setState({
      providerId: 'kustomer',
      dataset: makeDatasetSummary({ rowCount: 10 }),
      connections: [
        {
          id: 'c1' as ConnectionId,
          providerId: 'kustomer',
          name: kind === 'sandbox' ? 'Sandbox' : 'Production',
          kind,
          baseUrl: kind === 'sandbox' ? 'http://127.0.0.1:4000' : 'https://acme.api.kustomerapp.com',
        } as ConnectionSummary,
      ],
      connectionId: 'c1' as ConnectionId,
      validation: { rows: 10, valid: 8, withErrors: 2, withWarnings: 0, edited: 0, errorsByField: {} },
      include: 'valid',
    })
    render(<UploadStep />)
  }

  it('asks before sending to a real account, with the row counts and where; Not yet sends nothing', () => {
    renderUpload('remote')
    fireEvent.click(screen.getByRole('button', { name: 'Start upload' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Send 8 rows to Kustomer?' })
    expect(dialog.textContent).toContain('https://acme.api.kustomerapp.com')
    expect(dialog.textContent).toContain('2 rows with errors will be skipped')
    expect(document.activeElement?.textContent).toBe('Not yet')
    fireEvent.click(screen.getByRole('button', { name: 'Not yet' }))
    expect(started).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'Start upload' }))
    fireEvent.click(screen.getByRole('button', { name: 'Send 8 rows' }))
    expect(started).toEqual([{ datasetId: 'd1', connectionId: 'c1', include: 'valid' }])
  })

  it('starts a Sandbox upload at once', () => {
    renderUpload('sandbox')
    fireEvent.click(screen.getByRole('button', { name: 'Start upload' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(started).toHaveLength(1)
  })

  it('pauses and continues a running upload, following the engine’s events', async () => {
    renderUpload('sandbox')
    const paused: unknown[] = []
    fake.api.jobs.pause = (request) => {
      paused.push(request)
      return Promise.resolve({ ok: true as const, value: { paused: true } })
    }
    appStore.setState({ uploadJobId: 'j1' as JobId, uploadState: 'running' })
    fireEvent.click(await screen.findByRole('button', { name: 'Pause' }))
    expect(paused).toEqual([{ jobId: 'j1' }])
    act(() => appStore.getState().jobEventReceived({ type: 'paused', jobId: 'j1' as JobId, kind: 'upload' }))
    expect(screen.getByText(/Paused/)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Continue' })).toBeTruthy()
    act(() =>
      appStore.getState().jobEventReceived({ type: 'continued', jobId: 'j1' as JobId, kind: 'upload' }),
    )
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy()
  })
})

describe('sending again, and resuming, into a real account', () => {
  const { retry, results } = fake.api.upload
  const { unfinished, resume } = fake.api.uploads
  afterEach(() => {
    Object.assign(fake.api.upload, { retry, results })
    Object.assign(fake.api.uploads, { unfinished, resume })
  })

  function connection(kind: 'sandbox' | 'remote'): ConnectionSummary {
    return {
      id: 'c1' as ConnectionId,
      providerId: 'kustomer',
      name: kind === 'sandbox' ? 'Sandbox' : 'Production',
      kind,
      baseUrl: kind === 'sandbox' ? 'http://127.0.0.1:4000' : 'https://acme.api.kustomerapp.com',
    } as ConnectionSummary
  }

  it('asks before sending the rows that did not go through again; Not yet sends nothing', () => {
    const retried: unknown[] = []
    fake.api.upload.retry = (request) => {
      retried.push(request)
      return new Promise(() => {})
    }
    const totals = { rows: 10, created: 7, updated: 0, skipped: 2, failed: 1 }
    fake.api.upload.results = () => Promise.resolve({ ok: true as const, value: { totals, rows: [] } })
    appStore.setState({
      providerId: 'kustomer',
      dataset: makeDatasetSummary({ rowCount: 10 }),
      connections: [connection('remote')],
      connectionId: 'c1' as ConnectionId,
      validation: { rows: 10, valid: 8, withErrors: 2, withWarnings: 0, edited: 0, errorsByField: {} },
      uploadJobId: 'j1' as JobId,
      uploadState: 'completed',
      totals,
    })
    render(<UploadStep />)
    fireEvent.click(screen.getByRole('button', { name: 'Send them again' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Send 3 rows to Kustomer?' })
    expect(dialog.textContent).toContain('https://acme.api.kustomerapp.com')
    fireEvent.click(screen.getByRole('button', { name: 'Not yet' }))
    expect(retried).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'Send them again' }))
    fireEvent.click(screen.getByRole('button', { name: 'Send 3 rows' }))
    expect(retried).toEqual([{ jobId: 'j1' }])
  })

  function offer(sandbox: boolean) {
    const resumed: unknown[] = []
    fake.api.uploads.unfinished = () =>
      Promise.resolve({
        ok: true as const,
        value: [
          {
            id: 'job-1',
            fileName: 'klienci.csv',
            providerId: 'kustomer' as const,
            connectionName: sandbox ? 'Sandbox' : 'Production',
            sandbox,
            ...(sandbox ? {} : { baseUrl: 'https://acme.api.kustomerapp.com' }),
            startedAt: '2026-11-20T10:00:00.000Z',
            answered: 70,
            rowCount: 100,
          },
        ],
      })
    fake.api.uploads.resume = (request) => {
      resumed.push(request)
      return new Promise(() => {})
    }
    render(<ResumeOffer />)
    return resumed
  }

  it('asks before resuming an upload into a real account, with the rows still to send', async () => {
    const resumed = offer(false)
    fireEvent.click(await screen.findByRole('button', { name: 'Resume upload' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Send 30 rows to Kustomer?' })
    expect(dialog.textContent).toContain('https://acme.api.kustomerapp.com')
    expect(resumed).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'Send 30 rows' }))
    expect(resumed).toEqual([{ id: 'job-1' }])
  })

  it('resumes a Sandbox upload at once', async () => {
    const resumed = offer(true)
    fireEvent.click(await screen.findByRole('button', { name: 'Resume upload' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(resumed).toEqual([{ id: 'job-1' }])
  })
})

describe('CredentialsRefused', () => {
  it('says why the upload paused and opens the connection form to replace the key', () => {
    const provider = PROVIDERS.kustomer
    const connection = {
      id: 'staging',
      providerId: 'kustomer',
      name: 'Staging',
      kind: 'remote',
      baseUrl: 'https://acme.api.kustomerapp.com',
      settings: {},
      secretsSaved: ['apiKey'],
    } as unknown as ConnectionSummary
    render(
      <CredentialsRefused
        reason="Kustomer refused the API key. Update the credentials in the connection, then press Continue."
        provider={provider}
        connection={connection}
      />,
    )
    expect(screen.getByText(/Kustomer refused the API key/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Update “Staging”…' }))
    expect(screen.getByRole('button', { name: /Save/ })).toBeTruthy()
  })
})
