import type { StateCreator } from 'zustand'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import type { AppState, UploadSlice } from '../types.ts'

export const createUploadSlice: StateCreator<AppState, [], [], UploadSlice> = (set, get) => ({
  include: 'valid',
  uploadJobId: null,
  uploadProgress: null,
  uploadState: 'idle',
  totals: null,
  uploadError: null,
  includeChosen: (include) => set({ include }),
  async uploadStarted() {
    const { dataset, connectionId, include } = get()
    if (!dataset || !connectionId) return
    set({ uploadState: 'running', uploadProgress: null, totals: null, uploadError: null, uploadJobId: null })
    try {
      const { jobId } = await unwrap(
        api.upload.start({ datasetId: dataset.datasetId, connectionId, include }),
      )
      set({ uploadJobId: jobId })
      get().jobAdopted(jobId)
    } catch (error) {
      set({ uploadState: 'failed', uploadError: messageOf(error) })
    }
  },
  async uploadCancelled() {
    const jobId = get().uploadJobId
    if (jobId) await api.jobs.cancel({ jobId })
  },
})
