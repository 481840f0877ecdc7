import { AppError } from '#shared/errors.ts'
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
    return `"${address}" is not a web address. It should look like https://api.example.com.`
  }
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null
  return `The address must start with https:// so that customer data is encrypted on the way (plain http is allowed only for this computer, e.g. http://127.0.0.1).`
}

/**
 * The problems of a draft. `storedSecrets` are the keys already saved for this connection: a blank
 * secret field keeps the stored value, so it is not "missing".
 */
export function draftProblems(draft: ConnectionDraft, storedSecrets: readonly string[]): string[] {
  const provider = getProvider(draft.providerId)
  const problems: string[] = []
  if (draft.name.trim() === '') problems.push('Give the connection a name, e.g. "Production".')
  for (const field of provider.connection.fields) {
    const value =
      (field.kind === 'secret' ? draft.secrets[field.key] : draft.settings[field.key])?.trim() ?? ''
    if (value === '') {
      const kept = field.kind === 'secret' && storedSecrets.includes(field.key)
      if (field.required && !kept) problems.push(`${field.label} is required. ${field.help}`)
      continue
    }
    if (field.kind === 'choice' && !field.choices?.some((choice) => choice.value === value)) {
      problems.push(
        `${field.label}: choose one of ${field.choices?.map((choice) => choice.label).join(', ')}.`,
      )
    }
    if (field.kind === 'url') {
      const problem = checkApiAddress(value)
      if (problem) problems.push(`${field.label}: ${problem}`)
    }
  }
  const override = draft.baseUrlOverride?.trim()
  if (override) {
    const problem = checkApiAddress(override)
    if (problem) problems.push(`API address: ${problem}`)
  }
  return problems
}

export function assertDraftValid(draft: ConnectionDraft, storedSecrets: readonly string[]): void {
  const problems = draftProblems(draft, storedSecrets)
  if (problems.length > 0) throw new AppError('CONNECTION_INVALID', problems.join('\n'))
}
