import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../../electron/engine/engine.ts'
import { MappingTemplates } from '../../../../electron/engine/storage/templates.ts'
import { createIpc, type IpcInvokeEvent } from '../../../../electron/main/ipc/register.ts'
import { registerTemplatesIpc } from '../../../../electron/main/ipc/templates.ipc.ts'
import { IpcMainShim } from '../../../../electron/web-bridge/ipc-main-shim.ts'
import type { MappingTemplate } from '#shared/mapping/template.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// Export, import, rename and delete through the real IPC handlers (the ones the app and the web
// bridge both register) over the real template store on disk.

const TRUSTED = 'http://127.0.0.1:5555/'
const files = tempFiles()
afterAll(files.cleanup)

const TEMPLATE: MappingTemplate = {
  name: 'Shop export',
  providerId: 'kustomer',
  fields: [
    { field: 'name', header: 'First name', joinHeaders: ['Last name'], joinWith: ' ' },
    { field: 'phones', header: 'Phone', transforms: [{ kind: 'phone', country: 'PL' }] },
    {
      field: 'custom.genderStr',
      header: 'Płeć',
      transforms: [
        {
          kind: 'valueMap',
          values: [
            { from: 'Kobieta', to: 'F' },
            { from: 'Mężczyzna', to: 'M' },
          ],
        },
      ],
      fallback: 'unknown',
    },
  ],
  constants: [{ field: 'tags', value: 'import-2024' }],
}

let folders = 0
function setup() {
  const templates = new MappingTemplates(join(files.dir, `data-${folders++}`))
  const ipcMain = new IpcMainShim()
  registerTemplatesIpc(
    createIpc(ipcMain, (url) => url === TRUSTED),
    { templates } as unknown as Engine,
  )
  const event: IpcInvokeEvent = {
    sender: { isDestroyed: () => false, send: () => {} },
    senderFrame: { url: TRUSTED },
  }
  const call = async (channel: string, arg: unknown) => {
    const result = (await ipcMain.dispatch(channel, event, arg)) as
      { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }
    return result
  }
  const value = async <T = unknown>(channel: string, arg: unknown): Promise<T> => {
    const result = await call(channel, arg)
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
    return result.value as T
  }
  return { templates, call, value }
}

describe('template files through IPC', () => {
  it('exports a template with a transform and a value map, and imports it back equal', async () => {
    const app = setup()
    await app.value('templates:save', TEMPLATE)
    const file = await app.value<{ fileName: string; text: string }>('templates:export', {
      providerId: 'kustomer',
      name: 'shop EXPORT',
    })
    expect(file.fileName).toBe('Shop export.json')
    expect(JSON.parse(file.text)).toMatchObject({ format: 'crosswalk.mapping-template', version: 1 })
    await expect(
      app.value('templates:delete', { providerId: 'kustomer', name: 'Shop export' }),
    ).resolves.toEqual({
      deleted: true,
    })
    await expect(app.value('templates:list', { providerId: 'kustomer' })).resolves.toEqual([])

    const other = setup() // another computer
    await expect(
      other.value('templates:import', { providerId: 'kustomer', fileName: file.fileName, text: file.text }),
    ).resolves.toEqual({ status: 'imported', template: TEMPLATE, replaced: false })
    await expect(other.value('templates:list', { providerId: 'kustomer' })).resolves.toEqual([TEMPLATE])
  })

  it('asks before overwriting a template of the same name, then keeps both or replaces', async () => {
    const app = setup()
    await app.value('templates:save', TEMPLATE)
    const { text } = await app.value<{ text: string }>('templates:export', {
      providerId: 'kustomer',
      name: 'Shop export',
    })
    const request = { providerId: 'kustomer', fileName: 'shop.json', text }
    await expect(app.value('templates:import', request)).resolves.toEqual({
      status: 'clash',
      name: 'Shop export',
      suggestedName: 'Shop export (2)',
    })
    await expect(app.value('templates:import', { ...request, onClash: 'keepBoth' })).resolves.toMatchObject({
      status: 'imported',
      template: { name: 'Shop export (2)' },
    })
    await expect(app.value('templates:import', { ...request, onClash: 'keepBoth' })).resolves.toMatchObject({
      template: { name: 'Shop export (3)' },
    })
    await expect(app.value('templates:import', { ...request, onClash: 'replace' })).resolves.toMatchObject({
      status: 'imported',
      template: { name: 'Shop export' },
      replaced: true,
    })
    const names = (await app.value<MappingTemplate[]>('templates:list', { providerId: 'kustomer' })).map(
      (t) => t.name,
    )
    expect(names).toEqual(['Shop export', 'Shop export (2)', 'Shop export (3)'])
  })

  it('refuses a damaged file or a template of another provider with the reason, saving nothing', async () => {
    const app = setup()
    const broken = await app.call('templates:import', {
      providerId: 'kustomer',
      fileName: 'x.json',
      text: '{',
    })
    expect(broken).toMatchObject({
      ok: false,
      error: { code: 'MAPPING_INVALID', message: expect.stringContaining('“x.json” is not a template file') },
    })
    const { text } = await (async () => {
      await app.value('templates:save', TEMPLATE)
      return app.value<{ text: string }>('templates:export', { providerId: 'kustomer', name: 'Shop export' })
    })()
    await app.value('templates:delete', { providerId: 'kustomer', name: 'Shop export' })
    const other = await app.call('templates:import', { providerId: 'capillary', fileName: 'shop.json', text })
    expect(other).toMatchObject({
      ok: false,
      error: {
        message:
          '“shop.json” is a template for Kustomer, but this upload goes to Capillary. Choose Kustomer as the destination to use it.',
      },
    })
    await expect(app.value('templates:list', { providerId: 'capillary' })).resolves.toEqual([])
    await expect(app.value('templates:list', { providerId: 'kustomer' })).resolves.toEqual([])
  })

  it('renames, refusing a name another template has', async () => {
    const app = setup()
    await app.value('templates:save', TEMPLATE)
    await app.value('templates:save', { ...TEMPLATE, name: 'Old' })
    await expect(
      app.value('templates:rename', { providerId: 'kustomer', from: 'Old', to: ' New ' }),
    ).resolves.toMatchObject({
      name: 'New',
      fields: TEMPLATE.fields,
    })
    await expect(
      app.value('templates:rename', { providerId: 'kustomer', from: 'New', to: 'new' }),
    ).resolves.toMatchObject({
      name: 'new',
    })
    const clash = await app.call('templates:rename', {
      providerId: 'kustomer',
      from: 'new',
      to: 'SHOP export',
    })
    expect(clash).toMatchObject({
      ok: false,
      error: {
        message:
          'There is already a template named “Shop export”. Choose another name, or delete that one first.',
      },
    })
    const names = (await app.value<MappingTemplate[]>('templates:list', { providerId: 'kustomer' })).map(
      (t) => t.name,
    )
    expect(names).toEqual(['new', 'Shop export'])
  })

  it('refuses an oversized file before reading it', async () => {
    const app = setup()
    const result = await app.call('templates:import', {
      providerId: 'kustomer',
      fileName: 'big.json',
      text: 'x'.repeat(500_000),
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGS' } })
  })
})
