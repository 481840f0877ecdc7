import { create } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { createFileSlice } from './slices/file.slice.ts'
import { createFlowSlice } from './slices/flow.slice.ts'
import { createJobsSlice } from './slices/jobs.slice.ts'
import { createMappingSlice } from './slices/mapping.slice.ts'
import { createProviderSlice } from './slices/provider.slice.ts'
import { createReviewSlice } from './slices/review.slice.ts'
import { createUploadSlice } from './slices/upload.slice.ts'
import type { AppState } from './types.ts'

/** The one store, made of slices. Not exported raw: components use the selector hooks below. */
const useAppStore = create<AppState>()((...args) => ({
  ...createFlowSlice(...args),
  ...createFileSlice(...args),
  ...createProviderSlice(...args),
  ...createMappingSlice(...args),
  ...createReviewSlice(...args),
  ...createUploadSlice(...args),
  ...createJobsSlice(...args),
}))

/** Select one value (atomic selectors re-render only when it changes). */
export const useApp = <T>(selector: (state: AppState) => T): T => useAppStore(selector)

/** Select several values at once; compared shallowly, as zustand v5 requires for object selectors. */
export const useAppShallow = <T>(selector: (state: AppState) => T): T => useAppStore(useShallow(selector))

/** For wiring outside React (IPC events in main.tsx) and for tests. */
export const appStore = {
  getState: useAppStore.getState,
  setState: useAppStore.setState,
  subscribe: useAppStore.subscribe,
}
export const initialAppState = useAppStore.getState()
