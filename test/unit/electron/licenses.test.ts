import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { componentList, parseLicenseFile } from '../../../electron/main/licenses.ts'
import { dependencyLicenses, packageDirsOf } from '../../../scripts/dependency-licenses.ts'

// Help → About names every open-source component the app ships, with its licence; the texts are
// written at build time by scripts/dependency-licenses.ts, for the main process's runtime
// dependencies and for the packages bundled into the window.

const ROOT = new URL('../../../', import.meta.url).pathname

describe('shipped licences', () => {
  it('lists every runtime dependency with its version, licence and licence text', () => {
    const { dependencies } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
      dependencies: Record<string, string>
    }
    const text = dependencyLicenses(ROOT)
    const components = parseLicenseFile(text)
    expect(components.map((component) => component.name)).toEqual(Object.keys(dependencies).sort())
    for (const component of components) {
      expect(component.version).toBe(dependencies[component.name])
      expect(component.license).toMatch(/\S/)
    }
    expect(text).toMatch(/Permission is hereby granted/) // the texts themselves, not only names
  })

  it('reads the plugin’s format into a list for the About box', () => {
    const file = [
      'Name: react\nVersion: 19.3.1\nLicense: MIT\nPrivate: false\nLicense Text:\n===\n\nMIT License…',
      'Name: @tanstack/react-table\nVersion: 9.3.1\nLicense: MIT\nLicense Text:\n===\n\n…',
    ].join('\n\n---\n\n')
    expect(componentList(parseLicenseFile(file))).toBe(
      'react 19.3.1 (MIT), @tanstack/react-table 9.3.1 (MIT)',
    )
  })

  it('finds the packages behind a bundle’s module ids: scoped, nested, virtual and with queries', () => {
    const nm = `${ROOT}node_modules`
    const dirs = packageDirsOf([
      `${nm}/react/index.js`,
      `${nm}/react/cjs/react.production.js`,
      `${nm}/@tanstack/table-core/build/lib/index.mjs`,
      `\0${nm}/zustand/esm/index.mjs?commonjs-proxy`,
      `${ROOT}renderer/src/main.tsx`, // the app's own code is not a third-party package
    ])
    expect(dirs).toEqual([`${nm}/@tanstack/table-core`, `${nm}/react`, `${nm}/zustand`])
  })
})
