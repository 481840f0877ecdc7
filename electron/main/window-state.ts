import { join } from 'node:path'
import { app, screen, type BrowserWindow, type Rectangle } from 'electron'
import { z } from 'zod'
import { JsonFileStore } from '../engine/storage/json-file-store.ts'

const WindowState = z.object({
  bounds: z.object({ x: z.number(), y: z.number(), width: z.number().min(400), height: z.number().min(300) }),
  maximized: z.boolean(),
})
type WindowState = z.infer<typeof WindowState>

function store(): JsonFileStore<WindowState | null> {
  return new JsonFileStore(
    join(app.getPath('userData'), 'window-state.json'),
    WindowState.nullable(),
    () => null,
  )
}

/** The saved bounds, if they still fit on a connected display (monitors get unplugged). */
export function restoredBounds(): { bounds: Rectangle; maximized: boolean } | null {
  const state = store().load().value
  if (!state) return null
  const visible = screen.getAllDisplays().some(({ workArea }) => {
    const overlapX =
      Math.min(state.bounds.x + state.bounds.width, workArea.x + workArea.width) -
      Math.max(state.bounds.x, workArea.x)
    const overlapY =
      Math.min(state.bounds.y + state.bounds.height, workArea.y + workArea.height) -
      Math.max(state.bounds.y, workArea.y)
    return overlapX >= 100 && overlapY >= 100
  })
  return visible ? state : null
}

/** Saves size, position and maximized state when the window closes. */
export function rememberWindowState(window: BrowserWindow): void {
  window.on('close', () => {
    try {
      store().save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() })
    } catch (error) {
      console.error('[window] could not save the window position', error)
    }
  })
}
