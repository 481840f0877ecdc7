import { afterEach, describe, expect, it } from 'vitest'
import type { JobId } from '#shared/ids.ts'
import { appStore, initialAppState } from '../../../renderer/src/store/index.ts'
import { makeDatasetSummary } from '../../helpers/builders.ts'
import { fake } from '../../helpers/fake-api.ts'

const DATASET = makeDatasetSummary({ headers: ['Full name', 'E-mail', 'Loyalty tier'] })
const JOB = 'job-1' as JobId

afterEach(() => appStore.setState(initialAppState, true))

describe('store', () => {
  it('takes an ingest result that arrives before the request that started it has answered', async () => {
    fake.api.files.open = async () => {
      // The engine is quick: the job is over before its id reaches the page.
      appStore
        .getState()
        .jobEventReceived({ type: 'completed', jobId: JOB, result: { kind: 'ingest', dataset: DATASET } })
      return { ok: true, value: { jobId: JOB } }
    }
    await appStore.getState().fileDropped({ name: 'customers.csv', size: 10 })
    expect(appStore.getState().dataset).toEqual(DATASET)
    expect(appStore.getState().ingestJobId).toBeNull()
    expect(appStore.getState().earlyEvents).toEqual([])
  })

  it('shows why a file could not be read', async () => {
    fake.api.files.open = async () => ({ ok: true, value: { jobId: JOB } })
    await appStore.getState().fileDropped({ name: 'empty.csv', size: 0 })
    appStore.getState().jobEventReceived({
      type: 'failed',
      jobId: JOB,
      kind: 'ingest',
      error: { code: 'FILE_EMPTY', message: '"empty.csv" is empty.' },
    })
    expect(appStore.getState().fileError).toBe('"empty.csv" is empty.')
  })

  it('shows a refused request in words', async () => {
    fake.api.files.open = async () => ({
      ok: false,
      error: { code: 'FILE_UNSUPPORTED', message: '"a.pdf" is a PDF document.' },
    })
    await appStore.getState().fileDropped({ name: 'a.pdf', size: 10 })
    expect(appStore.getState().fileError).toBe('"a.pdf" is a PDF document.')
  })

  it('matches columns automatically once, then keeps the user’s choices', () => {
    appStore.setState({ dataset: DATASET, providerId: 'kustomer' })
    appStore.getState().autoMatchRequested()
    expect(appStore.getState().assignments).toEqual([
      { field: 'name', column: 0 },
      { field: 'emails.0.email', column: 1 },
    ])
    appStore.getState().fieldMapped('emails.0.email', null)
    appStore.getState().autoMatchRequested()
    expect(appStore.getState().assignments).toEqual([{ field: 'name', column: 0 }])
  })

  it('keeps the per-row totals of an upload that stopped', async () => {
    fake.api.upload.results = async () => ({
      ok: true,
      value: { totals: { rows: 3, created: 1, updated: 0, skipped: 2, failed: 0 }, rows: [] },
    })
    appStore.setState({ uploadJobId: JOB, uploadState: 'running' })
    appStore.getState().jobEventReceived({
      type: 'failed',
      jobId: JOB,
      kind: 'upload',
      error: { code: 'PROVIDER_AUTH', message: 'Kustomer refused the API key.' },
    })
    expect(appStore.getState()).toMatchObject({
      uploadState: 'failed',
      uploadError: 'Kustomer refused the API key.',
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(appStore.getState().totals).toEqual({ rows: 3, created: 1, updated: 0, skipped: 2, failed: 0 })
  })

  it('undoes and redoes fixes by writing the earlier value back', async () => {
    const written: string[] = []
    fake.api.dataset.editCell = async ({ value }) => {
      written.push(value)
      const withErrors = value.includes('@@') ? 1 : 0
      return {
        ok: true,
        value: {
          row: { row: 6, cells: [] },
          summary: {
            rows: 2,
            valid: 2 - withErrors,
            withErrors,
            withWarnings: 0,
            edited: 0,
            errorsByField: {},
          },
        },
      }
    }
    appStore.setState({ dataset: DATASET })
    const edit = { row: 6, column: 1, field: 'emails.0.email', before: 'a@@x.com', after: 'a@x.com' }
    await appStore.getState().cellEdited(edit)
    expect(appStore.getState().validation?.withErrors).toBe(0)
    await appStore.getState().editUndone()
    expect(appStore.getState().validation?.withErrors).toBe(1)
    expect(appStore.getState().edits).toEqual({ done: [], undone: [edit] })
    await appStore.getState().editRedone()
    expect(written).toEqual(['a@x.com', 'a@@x.com', 'a@x.com'])
    expect(appStore.getState().edits).toEqual({ done: [edit], undone: [] })
  })

  it('keeps why an upload paused itself until it continues, and shows it with the connection form', () => {
    appStore.setState({ uploadJobId: JOB, uploadState: 'running' })
    const reason =
      'Kustomer refused the API key. Update the credentials in the connection, then press Continue…'
    appStore.getState().jobEventReceived({ type: 'paused', jobId: JOB, kind: 'upload', reason })
    expect(appStore.getState()).toMatchObject({ uploadState: 'paused', uploadPauseReason: reason })
    appStore.getState().jobEventReceived({ type: 'continued', jobId: JOB, kind: 'upload' })
    expect(appStore.getState()).toMatchObject({ uploadState: 'running', uploadPauseReason: null })
    // A pause the person asked for has no reason to show.
    appStore.getState().jobEventReceived({ type: 'paused', jobId: JOB, kind: 'upload' })
    expect(appStore.getState().uploadPauseReason).toBeNull()
  })

  it('follows a file that main opened from the menu or a second launch', () => {
    appStore.setState({ step: 'review' })
    appStore.getState().jobEventReceived({
      type: 'progress',
      jobId: JOB,
      kind: 'ingest',
      done: 5,
      total: 10,
      unit: 'bytes',
      ratePerSecond: 5,
      etaSeconds: 1,
    })
    appStore.getState().fileOpenedFromSystem({ jobId: JOB, fileName: 'customers.csv' })
    expect(appStore.getState()).toMatchObject({ step: 'file', ingestJobId: JOB, ingestProgress: { done: 5 } })
    appStore
      .getState()
      .jobEventReceived({ type: 'completed', jobId: JOB, result: { kind: 'ingest', dataset: DATASET } })
    expect(appStore.getState().dataset).toEqual(DATASET)
  })
})
