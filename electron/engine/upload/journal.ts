import {
  closeSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { ConnectionId, ProviderId } from '#shared/ids.ts'
import { IngestOptions } from '#shared/ingest-options.ts'
import { MessageSchema } from '#shared/ipc/contract.ts'
import { UploadTotals } from '#shared/jobs.ts'
import { Mapping } from '#shared/mapping/mapping.ts'
import type { RowOutcome } from '#shared/providers/types.ts'

// The upload journal: an append-only file per upload, one JSON line per record, fsync'd after every
// write, so that whatever moment the app or the computer stops, the file says which rows have their
// final answer and which were on their way to the provider. Reopening it resumes the upload without
// losing a row or sending one that already has its answer. A half-written last line (the power went
// mid-write) is ignored: its rows were not yet answered, so they are handled as "on their way".

export const JOURNAL_VERSION = 1

export const JournalHeader = z.object({
  t: z.literal('header'),
  version: z.literal(JOURNAL_VERSION),
  jobId: z.string(),
  createdAt: z.string(),
  /** The file as it was when the upload started: resuming reads it again and checks it is the same. */
  file: z.object({ path: z.string(), size: z.number(), modifiedMs: z.number() }),
  ingest: IngestOptions,
  providerId: ProviderId,
  connectionId: ConnectionId,
  connectionName: z.string(),
  mapping: Mapping,
  include: z.enum(['valid', 'all']),
  /** The user's cell edits at the start, as [source row, column, value]. */
  edits: z.array(z.tuple([z.number().int(), z.number().int(), z.string()])),
  /** Source rows the user left out in review (absent in journals written before rows could be excluded). */
  excluded: z.array(z.number().int()).optional(),
  /** What the user chose for rows that are the same customer (absent: keep all, as before). */
  duplicates: z.enum(['keepAll', 'keepFirst', 'merge']).optional(),
  rowCount: z.number().int().min(0),
  /** Set when only these source rows are sent (a retry of the rows that did not go through). */
  onlyRows: z.array(z.number().int()).optional(),
})
export type JournalHeader = z.infer<typeof JournalHeader>

const Outcome = z.object({
  row: z.number().int(),
  status: z.enum(['created', 'updated', 'skipped', 'failed']),
  id: z.string().optional(),
  message: z.string().optional(),
  said: MessageSchema.optional(),
  warnings: z.array(z.string()).optional(),
})

const JournalRecord = z.discriminatedUnion('t', [
  JournalHeader,
  /** These rows are about to be handed to the provider. */
  z.object({ t: z.literal('sending'), rows: z.array(z.number().int()) }),
  /** Their final answers. */
  z.object({ t: z.literal('outcomes'), outcomes: z.array(Outcome) }),
  /** Every row has its answer; nothing to resume. The totals let the history skip reading the rows. */
  z.object({ t: z.literal('finished'), totals: UploadTotals.optional() }),
])
type JournalRecord = z.infer<typeof JournalRecord>

export interface JournalState {
  path: string
  header: JournalHeader
  /** Rows with their final answer, by source row. */
  outcomes: Map<number, RowOutcome>
  /** Rows handed to the provider without an answer recorded: they may or may not have arrived. */
  inDoubt: Set<number>
  finished: boolean
}

export class UploadJournal {
  readonly path: string
  private readonly fd: number

  private constructor(path: string, fd: number) {
    this.path = path
    this.fd = fd
  }

  /** A new journal for a new upload, its header written and on disk before anything is sent. */
  static create(dir: string, header: JournalHeader): UploadJournal {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const path = join(dir, `${header.jobId}.jsonl`)
    const journal = new UploadJournal(path, openSync(path, 'wx', 0o600))
    journal.append(header)
    return journal
  }

  /** Continues an existing journal (resume). */
  static reopen(path: string): UploadJournal {
    return new UploadJournal(path, openSync(path, 'a', 0o600))
  }

  sending(rows: readonly number[]): void {
    if (rows.length > 0) this.append({ t: 'sending', rows: [...rows] })
  }

  outcomes(outcomes: readonly RowOutcome[]): void {
    if (outcomes.length > 0) this.append({ t: 'outcomes', outcomes: [...outcomes] })
  }

  finished(totals?: UploadTotals): void {
    this.append(totals ? { t: 'finished', totals } : { t: 'finished' })
  }

  close(): void {
    closeSync(this.fd)
  }

  private append(record: JournalRecord): void {
    // A leading newline ends any torn line a crash left, so this record always starts a line.
    writeSync(this.fd, `\n${JSON.stringify(record)}\n`)
    fsyncSync(this.fd)
  }
}

/** What a journal file says, or null when it is not a readable journal (no valid header). */
export function readJournal(path: string): JournalState | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return null
  }
  let header: JournalHeader | null = null
  const outcomes = new Map<number, RowOutcome>()
  const inDoubt = new Set<number>()
  let finished = false
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    let parsed
    try {
      parsed = JournalRecord.safeParse(JSON.parse(line))
    } catch {
      continue // a line torn by a crash: its rows stay "in doubt" or unsent
    }
    if (!parsed.success) continue
    const record = parsed.data
    if (record.t === 'header') {
      header ??= record
    } else if (record.t === 'sending') {
      for (const row of record.rows) if (!outcomes.has(row)) inDoubt.add(row)
    } else if (record.t === 'outcomes') {
      for (const outcome of record.outcomes) {
        if (outcomes.has(outcome.row)) continue // the first answer stands
        outcomes.set(outcome.row, outcome)
        inDoubt.delete(outcome.row)
      }
    } else {
      finished = true
    }
  }
  return header ? { path, header, outcomes, inDoubt, finished } : null
}

/** A journal's first and last records, read without the rows in between (a 1M-row journal is large). */
export interface JournalSummary {
  path: string
  header: JournalHeader
  /** Present when the upload finished and recorded its totals. */
  finished: { totals?: UploadTotals } | null
}

const EDGE_BYTES = 64 * 1024

function firstLine(fd: number, size: number): string {
  let length = Math.min(size, EDGE_BYTES)
  for (;;) {
    const buffer = Buffer.alloc(length)
    readSync(fd, buffer, 0, length, 0)
    const text = buffer.toString('utf8').replace(/^\n+/, '')
    const end = text.indexOf('\n')
    if (end !== -1 || length >= size) return end === -1 ? text : text.slice(0, end)
    length = Math.min(size, length * 4) // a header with many edits is long
  }
}

function lastLine(fd: number, size: number): string {
  const length = Math.min(size, EDGE_BYTES)
  const buffer = Buffer.alloc(length)
  readSync(fd, buffer, 0, length, size - length)
  const lines = buffer
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
  return lines.at(-1) ?? ''
}

export function journalSummary(path: string): JournalSummary | null {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return null
  }
  try {
    const { size } = fstatSync(fd)
    const parse = (line: string) => {
      try {
        const parsed = JournalRecord.safeParse(JSON.parse(line))
        return parsed.success ? parsed.data : null
      } catch {
        return null
      }
    }
    const header = parse(firstLine(fd, size))
    if (header?.t !== 'header') return null
    const last = parse(lastLine(fd, size))
    const finished = last?.t === 'finished' ? (last.totals ? { totals: last.totals } : {}) : null
    return { path, header, finished }
  } finally {
    closeSync(fd)
  }
}

/** Every readable journal in `dir`, newest first: the upload history. */
export function journalSummaries(dir: string): JournalSummary[] {
  let names: string[]
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.jsonl'))
  } catch {
    return []
  }
  return names
    .map((name) => journalSummary(join(dir, name)))
    .filter((summary): summary is JournalSummary => summary !== null)
    .sort((a, b) => b.header.createdAt.localeCompare(a.header.createdAt))
}

/** Journals of uploads that stopped before every row had its answer, newest first (read in full). */
export function unfinishedJournals(dir: string): JournalState[] {
  return journalSummaries(dir)
    .filter((summary) => summary.finished === null)
    .map((summary) => readJournal(summary.path))
    .filter((state): state is JournalState => state !== null && !state.finished)
}

export function journalDir(dataDir: string): string {
  return join(dataDir, 'uploads')
}
