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
  uploadPauseReason: null,
  uploadDryRun: false,
  unfinishedUploads: [],
  resumeError: null,
  includeChosen: (include) => set({ include }),
  uploadStarted: () => startUpload(set, get, false),
  dryRunStarted: () => startUpload(set, get, true),
  async uploadRetried() {
    const previous = get().uploadJobId
    if (!previous) return
    set({ ...JOB_STARTING, uploadDryRun: false })
    try {
      const { jobId } = await unwrap(api.upload.retry({ jobId: previous }))
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
  // The state follows the engine's paused/continued events, not the button, so it is never out of step.
  async uploadPaused() {
    const jobId = get().uploadJobId
    if (jobId) await api.jobs.pause({ jobId })
  },
  async uploadContinued() {
    const jobId = get().uploadJobId
    if (jobId) await api.jobs.continue({ jobId })
  },
  async unfinishedUploadsLoaded() {
    try {
      set({ unfinishedUploads: await unwrap(api.uploads.unfinished({})) })
    } catch {
      set({ unfinishedUploads: [] }) // nothing to offer is the safe default
    }
  },
  async uploadResumed(id) {
    set({ resumeError: null })
    try {
      const resumed = await unwrap(api.uploads.resume({ id }))
      set({
        dataset: resumed.dataset,
        file: { name: resumed.dataset.fileName, size: 0 },
        fileError: null,
        providerId: resumed.mapping.providerId,
        assignments: resumed.mapping.assignments,
        constants: resumed.mapping.constants ?? [],
        ignoredColumns: [],
        autoMatchedFor: `${resumed.dataset.datasetId}:${resumed.mapping.providerId}`,
        validation: resumed.validation,
        validationVersion: get().validationVersion + 1,
        edits: { done: [], undone: [] },
        connectionId: resumed.connectionId,
        uploadJobId: resumed.jobId,
        ...JOB_STARTING,
        uploadDryRun: false,
        unfinishedUploads: get().unfinishedUploads.filter((upload) => upload.id !== id),
        step: 'upload',
      })
      get().jobAdopted(resumed.jobId)
      await get().connectionsRefreshed(resumed.connectionId)
    } catch (error) {
      set({ resumeError: messageOf(error) })
    }
  },
  async uploadDiscarded(id) {
    await api.uploads.discard({ id })
    set({ unfinishedUploads: get().unfinishedUploads.filter((upload) => upload.id !== id) })
  },
})

type Set = Parameters<StateCreator<AppState, [], [], UploadSlice>>[0]

/** A new job on the Upload step (started, retried or resumed) begins from nothing. */
const JOB_STARTING = {
  uploadState: 'running',
  uploadProgress: null,
  totals: null,
  uploadError: null,
  uploadPauseReason: null,
} as const satisfies Partial<AppState>

/** Starts an upload, or with `dryRun` the same job that builds and checks every request and sends none. */
async function startUpload(set: Set, get: () => AppState, dryRun: boolean): Promise<void> {
  const { dataset, connectionId, include } = get()
  if (!dataset || !connectionId) return
  set({ ...JOB_STARTING, uploadJobId: null, uploadDryRun: dryRun })
  try {
    const { jobId } = await unwrap(
      api.upload.start({
        datasetId: dataset.datasetId,
        connectionId,
        include,
        ...(dryRun ? { dryRun } : {}),
      }),
    )
    set({ uploadJobId: jobId })
    get().jobAdopted(jobId)
  } catch (error) {
    set({ uploadState: 'failed', uploadError: messageOf(error) })
  }
}
