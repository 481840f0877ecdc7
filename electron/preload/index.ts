import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { IngestOptions } from '#shared/ingest-options.ts'
import type { DroppedFile, RendererApi } from '#shared/ipc/api.ts'
import type { EventChannel, EventPayload, InvokeChannel, Req, Res } from '#shared/ipc/contract.ts'
import type { Result } from '#shared/result.ts'

// The whole surface the page can reach: one method per contract channel, nothing generic. Only types
// are imported from shared, so this file bundles to a small sandbox-safe CommonJS script. Validation
// happens in main; this layer only forwards.

function invoker<C extends InvokeChannel>(channel: C) {
  return (req: Req<C>) => ipcRenderer.invoke(channel, req) as Promise<Result<Res<C>>>
}

function listen<E extends EventChannel>(
  channel: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  // The IPC event is dropped on purpose: it carries `sender`, which would leak ipcRenderer to the page.
  const wrapped = (_event: unknown, payload: EventPayload<E>) => {
    try {
      listener(payload)
    } catch (error) {
      console.error(`[preload] a listener for ${channel} threw`, error)
    }
  }
  ipcRenderer.on(channel, wrapped)
  return () => {
    ipcRenderer.removeListener(channel, wrapped)
  }
}

async function openFile(file: DroppedFile, options: IngestOptions = {}): Promise<Result<Res<'files:open'>>> {
  const path = webUtils.getPathForFile(file as File)
  if (!path) {
    return {
      ok: false,
      error: {
        code: 'FILE_UNREADABLE',
        message:
          'This file is not saved on your computer (was it dragged from a web page or an email?). Save it to a folder first, then drop it from there.',
      },
    }
  }
  return ipcRenderer.invoke('files:open', { path, options } satisfies Req<'files:open'>) as Promise<
    Result<Res<'files:open'>>
  >
}

const api = {
  files: { open: openFile, openSample: invoker('files:openSample') },
  jobs: {
    cancel: invoker('jobs:cancel'),
    pause: invoker('jobs:pause'),
    continue: invoker('jobs:continue'),
    onEvent: (listener) => listen('jobs:event', listener),
  },
  dataset: {
    rows: invoker('dataset:rows'),
    applyMapping: invoker('dataset:applyMapping'),
    editCell: invoker('dataset:editCell'),
    findInColumn: invoker('dataset:findInColumn'),
    replaceInColumn: invoker('dataset:replaceInColumn'),
    revertReplace: invoker('dataset:revertReplace'),
    columnStats: invoker('dataset:columnStats'),
    exclude: invoker('dataset:exclude'),
    duplicateChoice: invoker('dataset:duplicateChoice'),
    export: invoker('dataset:export'),
  },
  menu: {
    onFileOpening: (listener) => listen('files:opening', listener),
    onExport: (listener) => listen('menu:export', listener),
  },
  templates: {
    list: invoker('templates:list'),
    recent: invoker('templates:recent'),
    save: invoker('templates:save'),
    delete: invoker('templates:delete'),
    rename: invoker('templates:rename'),
    export: invoker('templates:export'),
    import: invoker('templates:import'),
  },
  settings: { get: invoker('settings:get'), setLanguage: invoker('settings:setLanguage') },
  connections: {
    list: invoker('connections:list'),
    save: invoker('connections:save'),
    delete: invoker('connections:delete'),
    test: invoker('connections:test'),
    secretStorage: invoker('connections:secretStorage'),
  },
  upload: {
    start: invoker('upload:start'),
    results: invoker('upload:results'),
    unsuccessfulRows: invoker('upload:unsuccessfulRows'),
    retry: invoker('upload:retry'),
  },
  uploads: {
    unfinished: invoker('uploads:unfinished'),
    history: invoker('uploads:history'),
    resume: invoker('uploads:resume'),
    discard: invoker('uploads:discard'),
  },
} satisfies RendererApi

contextBridge.exposeInMainWorld('api', api)
