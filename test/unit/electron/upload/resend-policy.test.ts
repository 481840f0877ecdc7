import { describe, expect, it } from 'vitest'
import { formatMessage } from '#shared/i18n/i18n.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import { notResentMessage, safeToResend } from '../../../../electron/engine/upload/resend-policy.ts'

// Which rows in doubt after a crash are sent again: only those the provider will recognise.

describe('resend policy after a crash', () => {
  it('resends a row with the key the provider matches on, and not one without it', () => {
    expect(safeToResend('kustomer', { externalId: 'C-1', name: 'Ada' }, {})).toBe(true)
    expect(safeToResend('kustomer', { name: 'Ada' }, {})).toBe(false)
    expect(formatMessage(notResentMessage(PROVIDERS.kustomer, {}))).toMatch(
      /it has no External ID to check with/,
    )
  })

  it('does not resend to Propeller by customer id when an unknown id would create the customer again', () => {
    const record = { sourceId: 'C-1', propellerId: '42' }
    expect(safeToResend('propeller', record, { matchBy: 'sourceId' })).toBe(true)
    expect(safeToResend('propeller', record, { matchBy: 'id', existing: 'overwrite' })).toBe(false)
    expect(safeToResend('propeller', record, { matchBy: 'id', existing: 'updateOnly' })).toBe(true)
    expect(formatMessage(notResentMessage(PROVIDERS.propeller, { matchBy: 'id' }))).toMatch(
      /matching by Propeller customer ID/,
    )
  })
})
