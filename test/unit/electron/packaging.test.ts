import { existsSync, readFileSync } from 'node:fs'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { describe, expect, it } from 'vitest'

// Packaging downloads Electron, so it cannot run on our build machines. This checks what can be checked
// without it: electron-builder's own schema accepts the file, the targets and fuses are the ones we
// promise, and every file the config names exists.

const ROOT = new URL('../../../', import.meta.url).pathname
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  main: string
  productName: string
  name: string
}
const silent = { isEnabled: false, add: () => {} } as never

async function loadConfig() {
  return getConfig(ROOT, `${ROOT}electron-builder.yml`, null)
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(await loadConfig(), silent)).resolves.toBeUndefined()
  })

  it('would catch a broken configuration (the check above is not a formality)', async () => {
    const broken = { ...(await loadConfig()), nsis: { oneClick: 'sometimes' } } as never
    await expect(validateConfiguration(broken, silent)).rejects.toThrow(/oneClick/)
  })

  it('builds the promised installers', async () => {
    const config = await loadConfig()
    expect(config.appId).toBe('app.crosswalk.desktop')
    expect(config.productName).toBe(pkg.productName)
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.win?.target).toEqual(['nsis'])
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false })
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.mac).toMatchObject({ hardenedRuntime: true })
  })

  it('locks the Electron fuses down', async () => {
    expect((await loadConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('packs only the built app, and the built app is inside that allowlist', async () => {
    const config = await loadConfig()
    // electron-builder normalises the list into one filter set.
    expect(config.files).toEqual([{ filter: ['out/**', 'package.json'] }])
    expect(pkg.main.replace(/^\.\//, '')).toMatch(/^out\//)
    const viteConfigs = ['electron.vite.config.ts', 'vite.node.config.ts', 'vite.web-preload.config.ts']
    for (const file of viteConfigs) {
      for (const [, outDir] of readFileSync(`${ROOT}${file}`, 'utf8').matchAll(/outDir: '([^']+)'/g)) {
        expect(outDir, `${file} builds into ${outDir}`).toMatch(/^out\//)
      }
    }
  })

  it('names only files that exist: icons, entitlements, build resources', async () => {
    const config = await loadConfig()
    const referenced = [
      config.directories?.buildResources,
      config.linux?.icon,
      config.win?.icon,
      config.mac?.icon,
      config.mac?.entitlements,
      config.mac?.entitlementsInherit,
    ]
    for (const path of referenced) {
      expect(typeof path).toBe('string')
      expect(existsSync(`${ROOT}${path as string}`), `${path} exists`).toBe(true)
    }
    const icon = readFileSync(`${ROOT}build/icon.png`)
    // PNG header, then the IHDR width and height: electron-builder needs at least 512×512 for every platform.
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(512)
  })
})
