import { AppError, type ErrorCode } from '#shared/errors.ts'
import type { JobId } from '#shared/ids.ts'
import type { JobEvent, JobResult, TerminalJobEvent } from '#shared/jobs.ts'

type Listener = (event: JobEvent) => void

/** Starts a job and waits for its terminal event, passing every event to `onEvent` on the way. */
export async function runJob(
  start: (listener: Listener) => JobId | Promise<JobId>,
  onEvent?: Listener,
): Promise<{ jobId: JobId; terminal: TerminalJobEvent }> {
  let settle: (event: TerminalJobEvent) => void = () => {}
  const terminal = new Promise<TerminalJobEvent>((resolve) => (settle = resolve))
  const jobId = await start((event) => {
    onEvent?.(event)
    if (event.type === 'completed' || event.type === 'failed' || event.type === 'cancelled') settle(event)
  })
  return { jobId, terminal: await terminal }
}

/** The result of a job that must succeed; a failed job becomes its AppError. */
export function resultOf(terminal: TerminalJobEvent): JobResult {
  if (terminal.type === 'completed') return terminal.result
  if (terminal.type === 'failed') throw new AppError(terminal.error.code as ErrorCode, terminal.error.message)
  throw new AppError('JOB_CANCELLED', 'The job was cancelled.')
}
