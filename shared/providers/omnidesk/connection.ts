import type { ConnectionSettings, ConnectionSpec } from '../types.ts'

// Omnidesk's API answers on each account's own host: https://{account}.omnidesk.io/api/v2 in the
// omnidesk.nl blueprint, https://{account}.omnidesk.com/api/v2 in the GitBook examples. Which domain
// a tenant uses is not documented, so it is a choice on the form.

export const OMNIDESK_DOMAINS = ['omnidesk.io', 'omnidesk.com'] as const

/** "https://Acme.omnidesk.io/" or "acme.omnidesk.io" → "acme": people paste the whole address. */
export function accountName(text: string): string {
  const withoutScheme = text
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
  return withoutScheme.split(/[./]/)[0] ?? ''
}

export const OMNIDESK_CONNECTION: ConnectionSpec = {
  fields: [
    {
      key: 'account',
      label: 'Account name',
      kind: 'text',
      required: true,
      help: 'The first part of your Omnidesk address: for acme.omnidesk.io it is "acme".',
      placeholder: 'acme',
    },
    {
      key: 'domain',
      label: 'Omnidesk domain',
      kind: 'choice',
      required: true,
      help: 'The rest of the address you open Omnidesk on.',
      choices: OMNIDESK_DOMAINS.map((domain) => ({ value: domain, label: domain })),
      default: 'omnidesk.io',
    },
    {
      key: 'brand_id',
      label: 'Brand ID',
      kind: 'text',
      required: true,
      help: 'The number of the brand the customers belong to, shown in Omnidesk under Admin → Brands. Customer IDs are unique per brand.',
      placeholder: '1',
      default: '1',
    },
    {
      key: 'apiKey',
      label: 'API key',
      kind: 'secret',
      required: true,
      help: 'Create one in Omnidesk under Admin → API keys, with the CUSTOMER_READ and CUSTOMER_CUD permissions.',
    },
  ],
  baseUrl(settings: ConnectionSettings): string {
    const account = accountName(settings['account'] ?? '')
    const domain = OMNIDESK_DOMAINS.find((known) => known === settings['domain']) ?? OMNIDESK_DOMAINS[0]
    return `https://${account}.${domain}`
  },
}

/** The brand id as Omnidesk wants it (a positive whole number), or null when the setting is not one. */
export function brandIdOf(settings: ConnectionSettings): string | null {
  const brand = settings['brand_id']?.trim() ?? ''
  return /^[1-9]\d{0,9}$/.test(brand) ? brand : null
}
