import type { StateCreator } from 'zustand'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import type { AppState, FileSlice } from '../types.ts'

export const createFileSlice: StateCreator<AppState, [], [], FileSlice> = (set, get) => ({
  file: null,
  ingestJobId: null,
  ingestProgress: null,
  dataset: null,
  fileError: null,
  async fileDropped(file, options) {
    set({
      file,
      fileError: null,
      ingestProgress: null,
      dataset: null,
      validation: null,
      autoMatchedFor: null,
      edits: { done: [], undone: [] },
    })
    try {
      const { jobId } = await unwrap(api.files.open(file, options))
      set({ ingestJobId: jobId })
      get().jobAdopted(jobId)
    } catch (error) {
      set({ fileError: messageOf(error), ingestJobId: null })
    }
  },
  async ingestCancelled() {
    const jobId = get().ingestJobId
    if (jobId) await api.jobs.cancel({ jobId })
  },
})
