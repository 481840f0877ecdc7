import { ipcMain } from 'electron'
import type { IpcMainLike } from './register.ts'

/** Electron's real ipcMain, seen through the narrow interface the handlers are written against. */
export const electronIpcMain: IpcMainLike = ipcMain
