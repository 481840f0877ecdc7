import { appendFileSync, readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import type { ConnectionId } from '#shared/ids.ts'
import {
  journalSummary,
  JOURNAL_VERSION,
  readJournal,
  unfinishedJournals,
  UploadJournal,
  type JournalHeader,
} from '../../../../electron/engine/upload/journal.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

const files = tempFiles()
afterAll(files.cleanup)

function header(jobId: string, createdAt = '2026-11-23T10:00:00.000Z'): JournalHeader {
  return {
    t: 'header',
    version: JOURNAL_VERSION,
    jobId,
    createdAt,
    file: { path: '/data/customers.csv', size: 100, modifiedMs: 1 },
    ingest: {},
    providerId: 'capillary',
    connectionId: 'sandbox' as ConnectionId,
    connectionName: 'Sandbox',
    mapping: { providerId: 'capillary', assignments: [{ field: 'identifiers.email', column: 0 }] },
    include: 'valid',
    edits: [[3, 0, 'fixed@example.com']],
    rowCount: 5,
  }
}

describe('the upload journal', () => {
  it('knows which rows have their answer and which were on their way', () => {
    const journal = UploadJournal.create(files.dir, header('job-1'))
    journal.sending([2, 3, 4])
    journal.outcomes([{ row: 2, status: 'created', id: 'c2' }])
    journal.outcomes([{ row: 2, status: 'failed', message: 'a second answer is ignored' }])
    journal.close()
    const state = readJournal(journal.path)
    expect(state?.header.edits).toEqual([[3, 0, 'fixed@example.com']])
    expect([...(state?.outcomes.values() ?? [])]).toEqual([{ row: 2, status: 'created', id: 'c2' }])
    expect([...(state?.inDoubt ?? [])]).toEqual([3, 4])
    expect(state?.finished).toBe(false)
  })

  it('keeps a row’s reason as a message, nested values included, to be said again later', () => {
    const journal = UploadJournal.create(files.dir, header('job-said'))
    const said = {
      key: 'engine:dataset.notSentInvalid',
      values: { problems: { key: 'validation:rules.email', values: { value: 'ann@@x.pl' } } },
    }
    journal.outcomes([{ row: 4, status: 'skipped', message: 'Not sent because…', said }])
    // A journal written before reasons were kept as messages reads as it did.
    journal.outcomes([{ row: 5, status: 'failed', message: 'Refused by the provider' }])
    journal.close()
    const state = readJournal(journal.path)
    expect([...(state?.outcomes.values() ?? [])]).toEqual([
      { row: 4, status: 'skipped', message: 'Not sent because…', said },
      { row: 5, status: 'failed', message: 'Refused by the provider' },
    ])
  })

  it('survives a line torn by a crash, and continues after it', () => {
    const journal = UploadJournal.create(files.dir, header('job-2'))
    journal.sending([2, 3])
    journal.close()
    appendFileSync(journal.path, '{"t":"outcomes","outcomes":[{"row":2,"sta') // the power went here
    const reopened = UploadJournal.reopen(journal.path)
    reopened.outcomes([{ row: 3, status: 'updated', id: 'c3' }])
    reopened.finished()
    reopened.close()
    const state = readJournal(journal.path)
    expect([...(state?.outcomes.keys() ?? [])]).toEqual([3])
    expect([...(state?.inDoubt ?? [])]).toEqual([2])
    expect(state?.finished).toBe(true)
    expect(readFileSync(journal.path, 'utf8')).toContain('"sta\n')
  })

  it('summarises a journal from its first and last lines, even with a long header', () => {
    const edits: [number, number, string][] = Array.from({ length: 5000 }, (_, row) => [
      row + 2,
      0,
      `fixed-${row}@example.com`,
    ])
    const journal = UploadJournal.create(files.dir, { ...header('job-3'), edits })
    journal.sending([2, 3])
    journal.outcomes([{ row: 2, status: 'created', id: 'c2' }])
    expect(journalSummary(journal.path)).toMatchObject({ header: { jobId: 'job-3' }, finished: null })
    journal.finished({ rows: 5, created: 4, updated: 0, skipped: 0, failed: 1 })
    journal.close()
    const summary = journalSummary(journal.path)
    expect(summary?.header.edits).toHaveLength(5000)
    expect(summary?.finished).toEqual({ totals: { rows: 5, created: 4, updated: 0, skipped: 0, failed: 1 } })
  })

  it('lists only unfinished uploads, newest first, and ignores files that are not journals', () => {
    const dir = `${files.dir}/list`
    UploadJournal.create(dir, header('old', '2026-11-20T10:00:00.000Z')).close()
    UploadJournal.create(dir, header('new', '2026-11-22T10:00:00.000Z')).close()
    const done = UploadJournal.create(dir, header('done', '2026-11-23T10:00:00.000Z'))
    done.finished()
    done.close()
    files.write('list/garbage.jsonl', 'not json\n')
    expect(unfinishedJournals(dir).map((state) => state.header.jobId)).toEqual(['new', 'old'])
  })
})
