import { useEffect } from 'react'

/**
 * Ctrl/⌘+Z undoes and Ctrl/⌘+Y or Ctrl/⌘+Shift+Z redoes while the step is open, wherever the focus is —
 * except in a text field, which has its own undo.
 */
export function useUndoShortcuts(undo: () => Promise<void>, redo: () => Promise<void>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return
      const target = event.target
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return
      const key = event.key.toLowerCase()
      if (key === 'z' && !event.shiftKey) void undo()
      else if (key === 'y' || (key === 'z' && event.shiftKey)) void redo()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [undo, redo])
}
