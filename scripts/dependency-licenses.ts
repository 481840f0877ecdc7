import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'

// The licences of the open-source packages the app ships, written at build time for Help → About:
// the main process's runtime dependencies (they ship unbundled, in node_modules) and every package
// bundled into the window. (rollup-plugin-license does the second, but needs rollup as a peer, whose
// per-platform binaries a lockfile made on this machine cannot list, so `npm ci` broke: listing the
// packages behind a bundle's module ids is all it takes here.)

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

/** One package's block: Name / Version / License, then the licence text. */
function licenseBlock(packageDir: string): string {
  const meta = readJson(join(packageDir, 'package.json'))
  return [
    `Name: ${meta.name}`,
    `Version: ${meta.version}`,
    `License: ${meta.license ?? 'see the licence text'}`,
    'License Text:',
    '===',
    '',
    licenseText(packageDir),
  ].join('\n')
}

const joinBlocks = (dirs: readonly string[]): string => dirs.map(licenseBlock).join('\n\n---\n\n')

/** The licence block of every runtime dependency in `root`'s package.json, as one text. */
export function dependencyLicenses(root: string): string {
  const { dependencies = {} } = readJson(join(root, 'package.json'))
  return joinBlocks(
    Object.keys(dependencies)
      .sort()
      .map((name) => join(root, 'node_modules', name)),
  )
}

/**
 * The folders of the packages behind bundled module ids, e.g. `…/node_modules/@tanstack/table-core/
 * build/index.js` → `…/node_modules/@tanstack/table-core`; the innermost node_modules wins (a nested
 * copy is its own package). Sorted by package name, each once.
 */
export function packageDirsOf(moduleIds: Iterable<string>): string[] {
  const marker = `${sep}node_modules${sep}`
  const dirs = new Map<string, string>()
  for (const id of moduleIds) {
    const path = id.replace(/^\0/, '').split('?')[0]!
    const at = path.lastIndexOf(marker)
    if (at === -1) continue
    const [first, second] = path.slice(at + marker.length).split(sep)
    if (!first) continue
    const name = first.startsWith('@') && second ? `${first}/${second}` : first
    const dir = path.slice(0, at + marker.length) + name.split('/').join(sep)
    if (existsSync(join(dir, 'package.json'))) dirs.set(name, dir)
  }
  return [...dirs].sort(([a], [b]) => a.localeCompare(b)).map(([, dir]) => dir)
}

function write(file: string, text: string): void {
  if (!existsSync(dirname(file))) mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, `${text}\n`)
}

/** A Vite plugin writing the runtime dependencies' licences to `file` when the main bundle is written. */
export function dependencyLicensesPlugin(root: string, file: string) {
  return {
    name: 'crosswalk-dependency-licenses',
    writeBundle() {
      write(file, dependencyLicenses(root))
    },
  }
}

interface BundleChunk {
  type: string
  moduleIds?: readonly string[]
}

/** A Vite plugin writing the licences of every package bundled into the output to `file`. */
export function bundledLicensesPlugin(file: string) {
  return {
    name: 'crosswalk-bundled-licenses',
    writeBundle(_options: unknown, bundle: Record<string, BundleChunk>) {
      const ids = Object.values(bundle).flatMap((output) =>
        output.type === 'chunk' ? (output.moduleIds ?? []) : [],
      )
      write(file, joinBlocks(packageDirsOf(ids)))
    },
  }
}
