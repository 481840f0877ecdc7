import { join } from 'node:path'
import { z } from 'zod'
import { JsonFileStore } from '../engine/storage/json-file-store.ts'

const MAX_RECENT = 10

/** The files opened last, newest first, kept in the app's data folder for File → Open Recent. */
export class RecentFiles {
  private readonly store: JsonFileStore<string[]>
  private paths: string[]

  constructor(userDataDir: string) {
    this.store = new JsonFileStore(
      join(userDataDir, 'recent-files.json'),
      z.array(z.string()).max(100),
      () => [],
    )
    this.paths = this.store.load().value.slice(0, MAX_RECENT)
  }

  list(): readonly string[] {
    return this.paths
  }

  add(path: string): void {
    this.save([path, ...this.paths.filter((existing) => existing !== path)].slice(0, MAX_RECENT))
  }

  remove(path: string): void {
    this.save(this.paths.filter((existing) => existing !== path))
  }

  clear(): void {
    this.save([])
  }

  private save(paths: string[]): void {
    this.paths = paths
    try {
      this.store.save(paths)
    } catch (error) {
      console.warn('[recent] could not save the recent files list', error)
    }
  }
}
