import type { RendererApi } from '#shared/ipc/api.ts'
import type { JobEvent } from '#shared/jobs.ts'

type Listener = (event: JobEvent) => void

/**
 * A stand-in for window.api in component tests only (end-to-end tests use the real one). Each method
 * can be replaced per test; `emit` plays an engine event.
 */
export function createFakeApi() {
  const listeners = new Set<Listener>()
  const notImplemented = () => Promise.reject(new Error('not set up in this test'))
  const api = {
    files: { open: notImplemented },
    jobs: {
      cancel: () => Promise.resolve({ ok: true as const, value: { cancelled: true } }),
      pause: () => Promise.resolve({ ok: true as const, value: { paused: true } }),
      continue: () => Promise.resolve({ ok: true as const, value: { continued: true } }),
      onEvent(listener: Listener) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    },
    dataset: {
      rows: () => Promise.resolve({ ok: true as const, value: { total: 0, rows: [] } }),
      applyMapping: notImplemented,
      columnStats: () => Promise.resolve({ ok: true as const, value: { rows: 0, columns: [] } }),
      exclude: notImplemented,
      duplicateChoice: notImplemented,
      export: notImplemented,
      findInColumn: notImplemented,
      replaceInColumn: notImplemented,
      revertReplace: notImplemented,
    },
    menu: { onFileOpening: () => () => {}, onExport: () => () => {} },
    settings: {
      get: () => Promise.resolve({ ok: true as const, value: { language: null } }),
      setLanguage: ({ language }: { language: string }) =>
        Promise.resolve({ ok: true as const, value: { language } }),
    },
    connections: {
      list: () => Promise.resolve({ ok: true as const, value: [] }),
      secretStorage: () =>
        Promise.resolve({
          ok: true as const,
          value: { encrypted: true, description: 'your system keychain' },
        }),
    },
    templates: {
      list: () => Promise.resolve({ ok: true as const, value: [] }),
      recent: () => Promise.resolve({ ok: true as const, value: [] }),
      save: notImplemented,
      delete: notImplemented,
      rename: notImplemented,
      export: notImplemented,
      import: notImplemented,
    },
    upload: { start: notImplemented, results: notImplemented },
    uploads: {
      unfinished: () => Promise.resolve({ ok: true as const, value: [] }),
      history: () => Promise.resolve({ ok: true as const, value: [] }),
      resume: notImplemented,
      discard: notImplemented,
    },
  } as unknown as RendererApi
  return { api, emit: (event: JobEvent) => listeners.forEach((listener) => listener(event)) }
}

export const fake = createFakeApi()
