import type { StateCreator } from 'zustand'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import type { AppState, ReviewSlice } from '../types.ts'

export const createReviewSlice: StateCreator<AppState, [], [], ReviewSlice> = (set, get) => ({
  validation: null,
  validationError: null,
  validationVersion: 0,
  async mappingApplied() {
    const { dataset, providerId, assignments } = get()
    if (!dataset || !providerId) return
    set({ validationError: null })
    try {
      const validation = await unwrap(
        api.dataset.applyMapping({ datasetId: dataset.datasetId, mapping: { providerId, assignments } }),
      )
      set({ validation, validationVersion: get().validationVersion + 1 })
    } catch (error) {
      set({ validationError: messageOf(error) })
    }
  },
})
