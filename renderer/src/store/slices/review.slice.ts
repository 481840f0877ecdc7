import type { StateCreator } from 'zustand'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import type { AppState, ReviewSlice } from '../types.ts'

export const createReviewSlice: StateCreator<AppState, [], [], ReviewSlice> = (set, get) => {
  /** Sends one cell value to the engine and takes the re-validated summary back. */
  async function write(row: number, column: number, value: string): Promise<boolean> {
    const dataset = get().dataset
    if (!dataset) return false
    try {
      const { summary } = await unwrap(
        api.dataset.editCell({ datasetId: dataset.datasetId, row, column, value }),
      )
      set({ validation: summary, validationError: null, validationVersion: get().validationVersion + 1 })
      return true
    } catch (error) {
      set({ validationError: messageOf(error) })
      return false
    }
  }

  return {
    validation: null,
    validationError: null,
    validationVersion: 0,
    edits: { done: [], undone: [] },
    async cellEdited(edit) {
      if (await write(edit.row, edit.column, edit.after))
        set({ edits: { done: [...get().edits.done, edit], undone: [] } })
    },
    async editUndone() {
      const last = get().edits.done.at(-1)
      if (!last || !(await write(last.row, last.column, last.before))) return
      const { done, undone } = get().edits
      set({ edits: { done: done.slice(0, -1), undone: [...undone, last] } })
    },
    async editRedone() {
      const next = get().edits.undone.at(-1)
      if (!next || !(await write(next.row, next.column, next.after))) return
      const { done, undone } = get().edits
      set({ edits: { done: [...done, next], undone: undone.slice(0, -1) } })
    },
    async rowsExcluded(target, excluded) {
      const dataset = get().dataset
      if (!dataset) return
      try {
        const { summary } = await unwrap(
          api.dataset.exclude({ datasetId: dataset.datasetId, target, excluded }),
        )
        set({ validation: summary, validationError: null, validationVersion: get().validationVersion + 1 })
      } catch (error) {
        set({ validationError: messageOf(error) })
      }
    },
    async duplicateChoiceMade(choice) {
      const dataset = get().dataset
      if (!dataset) return
      try {
        const summary = await unwrap(api.dataset.duplicateChoice({ datasetId: dataset.datasetId, choice }))
        set({ validation: summary, validationError: null, validationVersion: get().validationVersion + 1 })
      } catch (error) {
        set({ validationError: messageOf(error) })
      }
    },
    async mappingApplied() {
      const { dataset, providerId, assignments, constants } = get()
      if (!dataset || !providerId) return
      set({ validationError: null })
      try {
        const validation = await unwrap(
          api.dataset.applyMapping({
            datasetId: dataset.datasetId,
            mapping: { providerId, assignments, constants },
          }),
        )
        set({ validation, validationVersion: get().validationVersion + 1 })
      } catch (error) {
        set({ validationError: messageOf(error) })
      }
    },
  }
}
