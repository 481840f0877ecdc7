import type { StateCreator } from 'zustand'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import type { AppState, EditStep, ReviewSlice } from '../types.ts'

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

  /** Undoes or redoes one step of the history: one cell, or every cell of a find & replace. */
  async function apply(step: EditStep, direction: 'undo' | 'redo'): Promise<boolean> {
    if (!('replaceId' in step))
      return write(step.row, step.column, direction === 'undo' ? step.before : step.after)
    const dataset = get().dataset
    if (!dataset) return false
    try {
      const { summary } = await unwrap(
        api.dataset.revertReplace({ datasetId: dataset.datasetId, replaceId: step.replaceId, direction }),
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
      if (!last || !(await apply(last, 'undo'))) return
      const { done, undone } = get().edits
      set({ edits: { done: done.slice(0, -1), undone: [...undone, last] } })
    },
    async editRedone() {
      const next = get().edits.undone.at(-1)
      if (!next || !(await apply(next, 'redo'))) return
      const { done, undone } = get().edits
      set({ edits: { done: [...done, next], undone: undone.slice(0, -1) } })
    },
    async columnReplaced(query) {
      const dataset = get().dataset
      if (!dataset) return null
      try {
        const { replaceId, changed, summary } = await unwrap(
          api.dataset.replaceInColumn({ datasetId: dataset.datasetId, ...query }),
        )
        set({ validation: summary, validationError: null, validationVersion: get().validationVersion + 1 })
        // Nothing changed: nothing to undo, so no step that Undo would spend a press on.
        if (changed === 0) return { replaceId, column: query.column, changed }
        const step = { replaceId, column: query.column, changed }
        set({ edits: { done: [...get().edits.done, step], undone: [] } })
        return step
      } catch (error) {
        set({ validationError: messageOf(error) })
        return null
      }
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
