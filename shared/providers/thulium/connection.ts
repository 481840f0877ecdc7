import type { ConnectionSettings, ConnectionSpec } from '../types.ts'

// Every Thulium system has its own address, https://<system name>.thulium.com, and its API under
// /api/ (providers.md §4, [C]). Calls are authenticated with an API user's login and password
// (HTTP Basic); API users are made in Administration › Users › API Users.

/** Older Thulium documentation used this shared host; kept only as a fallback for an empty form. */
const FALLBACK_BASE_URL = 'https://api.thulium.com'

/**
 * "acme", "acme.thulium.com" or "https://acme.thulium.com/api/" → "acme": people paste whatever
 * their browser shows, so the system name is taken out of it.
 */
export function systemNameOf(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.thulium\.com$/, '')
}

export const THULIUM_CONNECTION: ConnectionSpec = {
  fields: [
    {
      key: 'subdomain',
      label: 'System name',
      kind: 'text',
      required: true,
      help: 'The first part of your Thulium address: for acme.thulium.com it is "acme".',
      placeholder: 'acme',
    },
    {
      key: 'user',
      label: 'API user login',
      kind: 'text',
      required: true,
      help: 'An API user made in Thulium under Administration › Users › API Users, allowed to read, add and edit customers (or all methods, "*").',
      placeholder: 'api_user',
    },
    {
      key: 'password',
      label: 'API user password',
      kind: 'secret',
      required: true,
      help: 'The password of that API user.',
    },
  ],
  baseUrl(settings: ConnectionSettings): string {
    const name = systemNameOf(settings['subdomain'] ?? '')
    return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name) ? `https://${name}.thulium.com` : FALLBACK_BASE_URL
  },
}
