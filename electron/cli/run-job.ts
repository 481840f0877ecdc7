import { AppError } from '#shared/errors.ts'
import type { JobId } from '#shared/ids.ts'
import type { JobEvent, JobResult } from '#shared/jobs.ts'

/** Runs a job to its end and returns its result; a failed job becomes its AppError. */
export function runJob(
  start: (listener: (event: JobEvent) => void) => JobId,
  onEvent?: (event: JobEvent) => void,
): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    start((event) => {
      onEvent?.(event)
      if (event.type === 'completed') resolve(event.result)
      else if (event.type === 'failed')
        reject(new AppError(event.error.code as AppError['code'], event.error.message))
      else if (event.type === 'cancelled') reject(new AppError('JOB_CANCELLED', 'The job was cancelled.'))
    })
  })
}
