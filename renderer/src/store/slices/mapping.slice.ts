import type { StateCreator } from 'zustand'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import { getProvider } from '#shared/providers/registry.ts'
import type { AppState, MappingSlice } from '../types.ts'

export const createMappingSlice: StateCreator<AppState, [], [], MappingSlice> = (set, get) => ({
  assignments: [],
  autoMatchedFor: null,
  fieldMapped(field, column) {
    const others = get().assignments.filter((assignment) => assignment.field !== field)
    set({ assignments: column === null ? others : [...others, { field, column }], validation: null })
  },
  customFieldAdded(field, column) {
    if (get().assignments.some((assignment) => assignment.field === field)) return
    set({ assignments: [...get().assignments, { field, column }], validation: null })
  },
  mappingReplaced(assignments) {
    set({ assignments, validation: null })
  },
  autoMatchRequested() {
    const { dataset, providerId, autoMatchedFor } = get()
    if (!dataset || !providerId) return
    const key = `${dataset.datasetId}:${providerId}`
    if (autoMatchedFor === key) return
    const suggestions = autoMatch(dataset.headers, getProvider(providerId))
    set({
      assignments: suggestions.map(({ field, column }) => ({ field, column })),
      autoMatchedFor: key,
      validation: null,
    })
  },
})
