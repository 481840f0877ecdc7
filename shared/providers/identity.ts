import type { MappedRecord, ProviderDefinition } from './types.ts'

// Which customer a row is, as the provider will see it: two rows of one file with the same identity
// would reach the same customer (the second overwrites the first, or both create one). The review step
// finds those rows with this, on the values as they will be sent.

export interface RowIdentity {
  /** Record key of the identity field the row has (the first of the provider's, in order). */
  field: string
  /** The value compared: email addresses in lower case (mailboxes are not case-sensitive in practice). */
  value: string
}

/** The identity of a mapped row, or null when it has none of the provider's identity fields. */
export function identityOf(provider: ProviderDefinition, record: MappedRecord): RowIdentity | null {
  for (const field of provider.identity?.fields ?? []) {
    const raw = record[field]?.trim()
    if (!raw) continue
    const isEmail = provider.fields.find((candidate) => candidate.key === field)?.type === 'email'
    return { field, value: isEmail ? raw.toLowerCase() : raw }
  }
  return null
}

/** One string per identity, equal for rows the provider would treat as one customer. */
export function identityKeyOf(provider: ProviderDefinition, record: MappedRecord): string | null {
  const identity = identityOf(provider, record)
  return identity ? `${identity.field}\u0000${identity.value}` : null
}
