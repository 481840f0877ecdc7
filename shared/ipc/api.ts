import type { Result } from '../result.ts'
import type { IngestOptions } from '../ingest-options.ts'
import type { EventPayload, InvokeChannel, Req, Res } from './contract.ts'

// The shape of `window.api`, derived from the contract. The preload implements it (`satisfies
// RendererApi`) and a contract test checks that every channel has exactly one method.

type Invoker<C extends InvokeChannel> = (req: Req<C>) => Promise<Result<Res<C>>>

/** A file from a drop or an <input type="file">; the preload resolves it to something main can read. */
export interface DroppedFile {
  readonly name: string
  readonly size: number
}

export interface RendererApi {
  files: {
    open(file: DroppedFile, options?: IngestOptions): Promise<Result<Res<'files:open'>>>
    openSample: Invoker<'files:openSample'>
  }
  jobs: {
    cancel: Invoker<'jobs:cancel'>
    pause: Invoker<'jobs:pause'>
    continue: Invoker<'jobs:continue'>
    /** Returns the unsubscribe function. */
    onEvent(listener: (event: EventPayload<'jobs:event'>) => void): () => void
  }
  /** Files opened from the menu, the dock or a second launch; returns the unsubscribe function. */
  menu: {
    onFileOpening(listener: (event: EventPayload<'files:opening'>) => void): () => void
    onExport(listener: (event: EventPayload<'menu:export'>) => void): () => void
  }
  dataset: {
    rows: Invoker<'dataset:rows'>
    applyMapping: Invoker<'dataset:applyMapping'>
    editCell: Invoker<'dataset:editCell'>
    findInColumn: Invoker<'dataset:findInColumn'>
    replaceInColumn: Invoker<'dataset:replaceInColumn'>
    revertReplace: Invoker<'dataset:revertReplace'>
    columnStats: Invoker<'dataset:columnStats'>
    exclude: Invoker<'dataset:exclude'>
    duplicateChoice: Invoker<'dataset:duplicateChoice'>
    export: Invoker<'dataset:export'>
  }
  templates: {
    list: Invoker<'templates:list'>
    recent: Invoker<'templates:recent'>
    save: Invoker<'templates:save'>
    delete: Invoker<'templates:delete'>
    rename: Invoker<'templates:rename'>
    export: Invoker<'templates:export'>
    import: Invoker<'templates:import'>
  }
  settings: {
    get: Invoker<'settings:get'>
    setLanguage: Invoker<'settings:setLanguage'>
  }
  connections: {
    list: Invoker<'connections:list'>
    save: Invoker<'connections:save'>
    delete: Invoker<'connections:delete'>
    test: Invoker<'connections:test'>
    secretStorage: Invoker<'connections:secretStorage'>
  }
  upload: {
    start: Invoker<'upload:start'>
    results: Invoker<'upload:results'>
    unsuccessfulRows: Invoker<'upload:unsuccessfulRows'>
    retry: Invoker<'upload:retry'>
  }
  uploads: {
    unfinished: Invoker<'uploads:unfinished'>
    history: Invoker<'uploads:history'>
    resume: Invoker<'uploads:resume'>
    discard: Invoker<'uploads:discard'>
  }
}

/** Which method of the api serves which channel; the contract test holds the preload to it. */
export const CHANNEL_OF_METHOD = {
  'files.open': 'files:open',
  'files.openSample': 'files:openSample',
  'jobs.cancel': 'jobs:cancel',
  'jobs.pause': 'jobs:pause',
  'jobs.continue': 'jobs:continue',
  'dataset.rows': 'dataset:rows',
  'dataset.applyMapping': 'dataset:applyMapping',
  'dataset.editCell': 'dataset:editCell',
  'dataset.findInColumn': 'dataset:findInColumn',
  'dataset.replaceInColumn': 'dataset:replaceInColumn',
  'dataset.revertReplace': 'dataset:revertReplace',
  'dataset.columnStats': 'dataset:columnStats',
  'dataset.exclude': 'dataset:exclude',
  'dataset.duplicateChoice': 'dataset:duplicateChoice',
  'dataset.export': 'dataset:export',
  'templates.list': 'templates:list',
  'templates.recent': 'templates:recent',
  'templates.save': 'templates:save',
  'templates.delete': 'templates:delete',
  'templates.rename': 'templates:rename',
  'templates.export': 'templates:export',
  'templates.import': 'templates:import',
  'settings.get': 'settings:get',
  'settings.setLanguage': 'settings:setLanguage',
  'connections.list': 'connections:list',
  'connections.save': 'connections:save',
  'connections.delete': 'connections:delete',
  'connections.test': 'connections:test',
  'connections.secretStorage': 'connections:secretStorage',
  'upload.start': 'upload:start',
  'upload.results': 'upload:results',
  'upload.unsuccessfulRows': 'upload:unsuccessfulRows',
  'upload.retry': 'upload:retry',
  'uploads.unfinished': 'uploads:unfinished',
  'uploads.history': 'uploads:history',
  'uploads.resume': 'uploads:resume',
  'uploads.discard': 'uploads:discard',
} as const satisfies Record<string, InvokeChannel>
