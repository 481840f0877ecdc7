import { app, BrowserWindow } from 'electron'
import type { Engine } from '../engine/engine.ts'
import { checkFilePath } from '../engine/ingest/check-file-path.ts'
import type { Ipc } from './ipc/register.ts'
import type { RecentFiles } from './recent-files.ts'

/**
 * Opens a file the user chose outside the page — File → Open…, Open Recent, "Open with", a file
 * dropped on the dock icon, or a second launch — in the main window, the same way a drop does.
 */
export class FileOpener {
  private readonly engine: Engine
  private readonly ipc: Ipc
  readonly recent: RecentFiles
  private readonly onRecentChanged: () => void
  /** Files asked for before the window was ready (e.g. the app was launched by "Open with"). */
  private readonly waiting: string[] = []

  constructor(engine: Engine, ipc: Ipc, recent: RecentFiles, onRecentChanged: () => void) {
    this.engine = engine
    this.ipc = ipc
    this.recent = recent
    this.onRecentChanged = onRecentChanged
  }

  async open(path: string): Promise<void> {
    const window = BrowserWindow.getAllWindows()[0]
    if (!window || window.webContents.isLoading()) {
      this.waiting.push(path)
      return
    }
    if (window.isMinimized()) window.restore()
    window.focus()
    const sender = window.webContents
    try {
      const checked = await checkFilePath(path)
      const jobId = this.engine.openFile(checked, (event) => this.ipc.emit(sender, 'jobs:event', event))
      this.ipc.emit(sender, 'files:opening', { jobId, fileName: checked.split(/[\\/]/).pop() ?? checked })
      this.recent.add(checked)
      app.addRecentDocument(checked)
      this.onRecentChanged()
    } catch (error) {
      console.warn('[open] could not open a file from the system', error)
      this.recent.remove(path)
      this.onRecentChanged()
    }
  }

  /** Opens what was asked for while the window was loading. */
  flush(): void {
    for (const path of this.waiting.splice(0)) void this.open(path)
  }
}
