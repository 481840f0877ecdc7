import type { ConnectionSettings, ConnectionSpec } from '../types.ts'

// Kustomer answers on a per-org host that routes to the org's region, or on the regional hosts.
// A key works only in the region that issued it, so the region is part of the connection.

const REGION_HOSTS: Record<string, string> = {
  us: 'https://api.kustomerapp.com',
  eu: 'https://api.prod2.kustomerapp.com',
  in: 'https://api.prod4.kustomerapp.com',
}

export const KUSTOMER_CONNECTION: ConnectionSpec = {
  fields: [
    {
      key: 'org',
      label: 'Organization name',
      kind: 'text',
      required: false,
      help: 'The first part of your Kustomer address: for acme.kustomerapp.com it is "acme". When set, Crosswalk uses your own API address, which works in every region.',
      placeholder: 'acme',
    },
    {
      key: 'region',
      label: 'Region',
      kind: 'choice',
      required: true,
      help: 'Where your Kustomer account lives. An API key only works in its own region.',
      choices: [
        { value: 'us', label: 'United States' },
        { value: 'eu', label: 'Europe' },
        { value: 'in', label: 'India' },
      ],
      default: 'us',
    },
    {
      key: 'apiKey',
      label: 'API key',
      kind: 'secret',
      required: true,
      help: 'Create one in Kustomer under Settings → Security → API Keys with the org.permission.customer.create, .read and .update roles.',
    },
  ],
  baseUrl(settings: ConnectionSettings): string {
    const org = settings['org']?.trim().toLowerCase()
    if (org) return `https://${org}.api.kustomerapp.com`
    return REGION_HOSTS[settings['region'] ?? 'us'] ?? REGION_HOSTS['us']!
  },
}
