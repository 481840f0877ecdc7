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
  fileOpenedFromSystem({ jobId }) {
    // No File object here (there is nothing to re-read from the page), so "read differently" stays off.
    set({
      step: 'file',
      file: null,
      fileError: null,
      ingestProgress: null,
      dataset: null,
      validation: null,
      autoMatchedFor: null,
      edits: { done: [], undone: [] },
      ingestJobId: jobId,
    })
    get().jobAdopted(jobId)
  },
  async sampleOpened() {
    try {
      const opened = await unwrap(api.files.openSample({}))
      get().fileOpenedFromSystem(opened)
    } catch (error) {
      set({ fileError: messageOf(error) })
    }
  },
  async ingestCancelled() {
    const jobId = get().ingestJobId
    if (jobId) await api.jobs.cancel({ jobId })
  },
})
