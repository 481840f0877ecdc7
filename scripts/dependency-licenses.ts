import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

// The main process does not bundle its runtime dependencies (they ship in node_modules, see
// electron-builder.yml), so rollup-plugin-license, which lists what a bundle contains, cannot see
// them. This build step writes their licences in the same format as that plugin's file for the
// window's bundle, so Help → About reads both the same way.

interface PackageJson {
  name: string
  version: string
  license?: string
  dependencies?: Record<string, string>
}

const readJson = (path: string): PackageJson => JSON.parse(readFileSync(path, 'utf8')) as PackageJson

function licenseText(packageDir: string): string {
  const file = readdirSync(packageDir).find((name) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(name))
  return file ? readFileSync(join(packageDir, file), 'utf8').trim() : '(no licence file in the package)'
}

/** The licence block of every runtime dependency in `root`'s package.json, as one text. */
export function dependencyLicenses(root: string): string {
  const { dependencies = {} } = readJson(join(root, 'package.json'))
  return Object.keys(dependencies)
    .sort()
    .map((name) => {
      const dir = join(root, 'node_modules', name)
      const meta = readJson(join(dir, 'package.json'))
      return [
        `Name: ${meta.name}`,
        `Version: ${meta.version}`,
        `License: ${meta.license ?? 'see the licence text'}`,
        'License Text:',
        '===',
        '',
        licenseText(dir),
      ].join('\n')
    })
    .join('\n\n---\n\n')
}

/** A Vite plugin writing `dependencyLicenses(root)` to `file` when the bundle is written. */
export function dependencyLicensesPlugin(root: string, file: string) {
  return {
    name: 'crosswalk-dependency-licenses',
    writeBundle() {
      if (!existsSync(dirname(file))) mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, `${dependencyLicenses(root)}\n`)
    },
  }
}
