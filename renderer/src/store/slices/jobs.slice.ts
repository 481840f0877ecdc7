import type { StateCreator } from 'zustand'
import { api, unwrap } from '../../lib/ipc.ts'
import type { AppState, JobsSlice } from '../types.ts'

const MAX_EARLY_EVENTS = 100

/** Routes every job event to the step that started the job. */
export const createJobsSlice: StateCreator<AppState, [], [], JobsSlice> = (set, get) => ({
  earlyEvents: [],
  jobAdopted(jobId) {
    // Events may have raced ahead of the answer that carried the job's id: replay them now.
    const early = get().earlyEvents.filter((event) => event.jobId === jobId)
    set({ earlyEvents: get().earlyEvents.filter((event) => event.jobId !== jobId) })
    for (const event of early) get().jobEventReceived(event)
  },
  jobEventReceived(event) {
    const { ingestJobId, uploadJobId } = get()
    if (event.jobId === ingestJobId) {
      if (event.type === 'progress') set({ ingestProgress: event })
      else if (event.type === 'completed' && event.result.kind === 'ingest') {
        set({ dataset: event.result.dataset, ingestJobId: null, ingestProgress: null })
      } else if (event.type === 'failed')
        set({ fileError: event.error.message, ingestJobId: null, ingestProgress: null })
      else if (event.type === 'cancelled') set({ ingestJobId: null, ingestProgress: null, file: null })
      return
    }
    if (event.jobId === uploadJobId) {
      if (event.type === 'progress') set({ uploadProgress: event })
      else if (event.type === 'paused')
        set({ uploadState: 'paused', uploadPauseReason: event.reason ?? null })
      else if (event.type === 'continued') set({ uploadState: 'running', uploadPauseReason: null })
      else if (event.type === 'completed' && event.result.kind === 'upload') {
        set({ uploadState: 'completed', totals: event.result.totals })
      } else if (event.type === 'failed' || event.type === 'cancelled') {
        set(
          event.type === 'failed'
            ? { uploadState: 'failed', uploadError: event.error.message }
            : { uploadState: 'cancelled', uploadError: null },
        )
        // A stopped upload still has a complete per-row account: show it.
        void unwrap(api.upload.results({ jobId: event.jobId, offset: 0, limit: 1 })).then(
          ({ totals }) => set({ totals }),
          () => {},
        )
      }
      return
    }
    if (event.type !== 'started') set({ earlyEvents: [...get().earlyEvents, event].slice(-MAX_EARLY_EVENTS) })
  },
})
