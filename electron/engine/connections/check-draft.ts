import { AppError } from '#shared/errors.ts'
import { t } from '#shared/i18n/i18n.ts'
import { connectionChoiceLabel, connectionFieldText } from '#shared/i18n/provider-text.ts'
import type { ConnectionDraft } from '#shared/ipc/contract.ts'
import { getProvider } from '#shared/providers/registry.ts'

// Checks a filled-in connection form before it is saved or tested, with one message per problem
// naming the field, so the form can say exactly what to fix.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Provider data travels encrypted: https everywhere, plain http only to this computer. */
export function checkApiAddress(address: string): string | null {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return t('engine:connections.notWebAddress', { address })
  }
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null
  return t('engine:connections.httpsOnly')
}

/**
 * The problems of a draft. `storedSecrets` are the keys already saved for this connection: a blank
 * secret field keeps the stored value, so it is not "missing".
 */
export function draftProblems(draft: ConnectionDraft, storedSecrets: readonly string[]): string[] {
  const provider = getProvider(draft.providerId)
  const problems: string[] = []
  if (draft.name.trim() === '') problems.push(t('engine:connections.nameMissing'))
  for (const field of provider.connection.fields) {
    const label = connectionFieldText(provider.id, field, 'label')
    const value =
      (field.kind === 'secret' ? draft.secrets[field.key] : draft.settings[field.key])?.trim() ?? ''
    if (value === '') {
      const kept = field.kind === 'secret' && storedSecrets.includes(field.key)
      if (field.required && !kept) {
        const help = connectionFieldText(provider.id, field, 'help')
        problems.push(t('engine:connections.required', { label, help }))
      }
      continue
    }
    if (field.kind === 'choice' && !field.choices?.some((choice) => choice.value === value)) {
      const choices = (field.choices ?? [])
        .map((choice) => connectionChoiceLabel(provider.id, field.key, choice))
        .join(', ')
      problems.push(t('engine:connections.chooseOne', { label, choices }))
    }
    if (field.kind === 'url') {
      const problem = checkApiAddress(value)
      if (problem) problems.push(t('engine:connections.fieldProblem', { label, problem }))
    }
  }
  const override = draft.baseUrlOverride?.trim()
  if (override) {
    const problem = checkApiAddress(override)
    if (problem) problems.push(t('engine:connections.apiAddressProblem', { problem }))
  }
  return problems
}

export function assertDraftValid(draft: ConnectionDraft, storedSecrets: readonly string[]): void {
  const problems = draftProblems(draft, storedSecrets)
  if (problems.length > 0) throw new AppError('CONNECTION_INVALID', problems.join('\n'))
}
