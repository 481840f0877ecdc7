import type { StateCreator } from 'zustand'
import type { AppState, FlowSlice } from '../types.ts'

export const createFlowSlice: StateCreator<AppState, [], [], FlowSlice> = (set) => ({
  step: 'file',
  stepChosen: (step) => set({ step }),
  startedOver: () =>
    set({
      step: 'file',
      file: null,
      dataset: null,
      ingestJobId: null,
      ingestProgress: null,
      fileError: null,
      assignments: [],
      constants: [],
      ignoredColumns: [],
      autoMatchedFor: null,
      validation: null,
      validationError: null,
      edits: { done: [], undone: [] },
      uploadJobId: null,
      uploadProgress: null,
      uploadState: 'idle',
      totals: null,
      uploadError: null,
      uploadPauseReason: null,
    }),
})
