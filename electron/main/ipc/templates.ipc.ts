import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { parseTemplateFile, templateFileName, templateFileText } from '#shared/mapping/template-file.ts'
import type { Engine } from '../../engine/engine.ts'
import type { Ipc } from './register.ts'

export function registerTemplatesIpc(ipc: Ipc, engine: Engine): void {
  ipc.handle('templates:list', ({ providerId }) => engine.templates.list(providerId))
  ipc.handle('templates:recent', ({ providerId }) => engine.recentMappings.list(providerId))
  ipc.handle('templates:save', (template) => engine.templates.save(template))
  ipc.handle('templates:delete', ({ providerId, name }) => ({
    deleted: engine.templates.delete(providerId, name),
  }))
  ipc.handle('templates:rename', ({ providerId, from, to }) => engine.templates.rename(providerId, from, to))
  ipc.handle('templates:export', ({ providerId, name }) => {
    const template = engine.templates.find(providerId, name)
    if (!template) throw new AppError('MAPPING_INVALID', t('engine:templates.gone', { name }))
    return { fileName: templateFileName(template), text: templateFileText(template) }
  })
  // The file is read by the page (a file picker works the same in the app and the browser); its text
  // is checked here, in full, before anything is saved.
  ipc.handle('templates:import', ({ providerId, fileName, text, onClash }) => {
    const parsed = parseTemplateFile(text, fileName, { providerId })
    if (!parsed.ok) throw new AppError('MAPPING_INVALID', parsed.message)
    return engine.templates.add(parsed.template, onClash)
  })
}
