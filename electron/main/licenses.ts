import { readFileSync } from 'node:fs'
import { join } from 'node:path'

// The open-source components shipped in the app, for Help → About: the main process's runtime
// dependencies and the packages bundled into the window, both written at build time by
// scripts/dependency-licenses.ts.

export interface Component {
  name: string
  version: string
  license: string
}

export interface ShippedLicenses {
  components: Component[]
  /** Every licence text, for the licences window. */
  text: string
}

/** `Name: / Version: / License:` blocks → components, sorted and without repeats. */
export function parseLicenseFile(text: string): Component[] {
  const components: Component[] = []
  for (const block of text.split(/^---$/m)) {
    const field = (key: string) => new RegExp(`^${key}: (.+)$`, 'm').exec(block)?.[1]?.trim()
    const name = field('Name')
    if (name) components.push({ name, version: field('Version') ?? '', license: field('License') ?? '' })
  }
  return components
}

/** Reads the licence files the build put beside the main bundle (`out/main`) and the window (`out/renderer`). */
export function readShippedLicenses(mainDir: string): ShippedLicenses {
  const files = [
    join(mainDir, 'dependency-licenses.txt'),
    join(mainDir, '../renderer/third-party-licenses.txt'),
  ]
  const texts = files.flatMap((file) => {
    try {
      return [readFileSync(file, 'utf8')]
    } catch {
      return [] // a development build without them: About still opens
    }
  })
  const byName = new Map(texts.flatMap(parseLicenseFile).map((component) => [component.name, component]))
  const components = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name))
  return { components, text: texts.join('\n\n---\n\n') }
}

/** "react 19.3.1 (MIT), zod 4.6.7 (MIT), …" for the About box. */
export function componentList(components: readonly Component[]): string {
  return components.map(({ name, version, license }) => `${name} ${version} (${license})`).join(', ')
}
