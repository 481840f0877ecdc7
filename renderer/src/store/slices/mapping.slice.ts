import type { StateCreator } from 'zustand'
import { autoMatch } from '#shared/mapping/auto-match.ts'
import type { Assignment } from '#shared/mapping/mapping.ts'
import { defaultPhoneCountry, proposeShapes } from '#shared/mapping/propose-shapes.ts'
import { getProvider } from '#shared/providers/registry.ts'
import { api, unwrap } from '../../lib/ipc.ts'
import type { AppState, MappingSlice } from '../types.ts'

/** Rows whose values help the automatic match recognise columns by content (emails, phones, …). */
const SAMPLE_ROWS = 50

const plain = (assignments: readonly Assignment[]): Assignment[] =>
  assignments.map(({ field, column }) => ({ field, column }))

const sameAssignments = (a: readonly Assignment[], b: readonly Assignment[]): boolean =>
  JSON.stringify(a) === JSON.stringify(b)

export const createMappingSlice: StateCreator<AppState, [], [], MappingSlice> = (set, get) => ({
  assignments: [],
  autoMatchedFor: null,
  matchSuggestions: [],
  constants: [],
  ignoredColumns: [],
  fieldMapped(field, column) {
    const assignments = get().assignments
    const current = assignments.find((assignment) => assignment.field === field)
    const others = assignments.filter((assignment) => assignment !== current)
    // Another column for the same field keeps its transforms: they are about the field's values.
    const next = column === null ? null : current ? { ...current, column } : { field, column }
    set({ assignments: next ? [...others, next] : others, validation: null })
  },
  assignmentChanged(field, change) {
    const assignments = get().assignments.map((assignment) => {
      if (assignment.field !== field) return assignment
      const next: Record<string, unknown> = { ...assignment, ...change }
      for (const key of Object.keys(change)) if (next[key] === undefined) delete next[key]
      return next as Assignment
    })
    set({ assignments, validation: null })
  },
  columnIgnored(column, ignored) {
    const others = get().ignoredColumns.filter((candidate) => candidate !== column)
    set({ ignoredColumns: ignored ? [...others, column] : others })
  },
  constantSet(field, value) {
    const others = get().constants.filter((constant) => constant.field !== field)
    set({ constants: value === '' ? others : [...others, { field, value }], validation: null })
  },
  customFieldAdded(field, column) {
    if (get().assignments.some((assignment) => assignment.field === field)) return
    set({ assignments: [...get().assignments, { field, column }], validation: null })
  },
  mappingReplaced(assignments, constants = []) {
    set({ assignments, constants, validation: null })
  },
  autoMatchRequested() {
    const { dataset, providerId, autoMatchedFor } = get()
    if (!dataset || !providerId) return
    const key = `${dataset.datasetId}:${providerId}`
    if (autoMatchedFor === key) return
    const provider = getProvider(providerId)
    // Names first, at once, so the screen is never empty; the values refine it when they arrive.
    const byName = autoMatch(dataset.headers, provider)
    const named = proposeShapes(dataset.headers, provider, plain(byName), { samples: [] })
    const assignments = named.assignments
    set({
      assignments,
      matchSuggestions: [...byName, ...named.added],
      autoMatchedFor: key,
      validation: null,
    })
    void unwrap(
      api.dataset.rows({ datasetId: dataset.datasetId, offset: 0, limit: SAMPLE_ROWS, filter: 'all' }),
    ).then(
      (page) => {
        // The person may have moved on, or already changed a match: their choices win.
        const now = get()
        if (page.rows.length === 0 || now.autoMatchedFor !== key || now.assignments !== assignments) return
        const samples = dataset.headers.map((_, column) => page.rows.map((row) => row.cells[column] ?? ''))
        const byValues = autoMatch(dataset.headers, provider, samples)
        // Then what the values need on the way: name splits and joins, phone country, date order, value maps.
        const proposal = proposeShapes(dataset.headers, provider, plain(byValues), {
          samples,
          defaultCountry: defaultPhoneCountry(providerId, globalThis.navigator?.language),
        })
        const matchSuggestions = [...byValues, ...proposal.added]
        set(
          sameAssignments(proposal.assignments, assignments)
            ? { matchSuggestions }
            : { assignments: proposal.assignments, matchSuggestions, validation: null },
        )
      },
      // Without the values the match by name stands.
      () => {},
    )
  },
})
