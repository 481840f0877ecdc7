import type { ConnectionSettings, ConnectionSpec } from '../types.ts'

// Propeller's REST v2 API lives at https://api.helice.cloud (providers.md §3, [C]); tokens come from
// `/oauth2/token` on the same host with an API key's client id and secret (Backoffice › Admin › API
// Key Management; keys are inactive until switched on). The host is a setting because Propeller
// describes separate environments: a test environment answers on its own host.

export const DEFAULT_API_HOST = 'api.helice.cloud'

/** What to do with customers that already exist: the bulk endpoint's documented directives. */
export const EXISTING_CHOICES = ['overwrite', 'fillEmpty', 'updateOnly'] as const
export type ExistingChoice = (typeof EXISTING_CHOICES)[number]

/** "https://api.helice.cloud/v2/" or "API.helice.cloud" → "api.helice.cloud". */
export function apiHostOf(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
}

/**
 * How rows find their customer: by the connection's source name + the row's Customer ID
 * (`POST /v2/customers/bulk/sourceId`), or by Propeller's own customer id (`POST /v2/customers/bulk/id`).
 */
export const MATCH_CHOICES = ['sourceId', 'id'] as const
export type MatchBy = (typeof MATCH_CHOICES)[number]

/** Connections saved before this setting existed match by source id, as they always did. */
export function matchByOf(settings: ConnectionSettings): MatchBy {
  return settings['matchBy'] === 'id' ? 'id' : 'sourceId'
}

export function existingChoiceOf(settings: ConnectionSettings): ExistingChoice {
  const value = settings['existing'] ?? ''
  return (EXISTING_CHOICES as readonly string[]).includes(value) ? (value as ExistingChoice) : 'overwrite'
}

export const PROPELLER_CONNECTION: ConnectionSpec = {
  fields: [
    {
      key: 'apiHost',
      label: 'API host',
      kind: 'text',
      required: true,
      help: 'The host of your Propeller environment’s REST API. For production this is api.helice.cloud; use another host only if Propeller gave you one for a test environment.',
      placeholder: DEFAULT_API_HOST,
      default: DEFAULT_API_HOST,
    },
    {
      key: 'clientId',
      label: 'Client ID',
      kind: 'text',
      required: true,
      help: 'The client id of a REST API key from Propeller Backoffice › Admin › API Key Management. Make sure the key is switched on (new keys are inactive).',
    },
    {
      key: 'clientSecret',
      label: 'Client secret',
      kind: 'secret',
      required: true,
      help: 'The client secret shown with that API key.',
    },
    {
      key: 'source',
      label: 'Source name',
      kind: 'text',
      required: true,
      help: 'A name for where these customers come from, e.g. WEBSHOP or ERP. Propeller identifies customers by this name together with their Customer ID, so always use the same name for the same customers.',
      placeholder: 'WEBSHOP',
      default: 'CROSSWALK',
    },
    {
      key: 'matchBy',
      label: 'Match customers by',
      kind: 'choice',
      required: true,
      help: 'How Propeller finds the customer of each row. Choose Propeller customer ID only if your file has a column with the ids Propeller gave your customers (e.g. from a Propeller export).',
      choices: [
        { value: 'sourceId', label: 'Source name and Customer ID' },
        { value: 'id', label: 'Propeller customer ID' },
      ],
      default: 'sourceId',
    },
    {
      key: 'existing',
      label: 'Customers that already exist',
      kind: 'choice',
      required: true,
      help: 'What Propeller does with a row whose customer it already has.',
      choices: [
        { value: 'overwrite', label: 'Update them with the values in the file' },
        { value: 'fillEmpty', label: 'Only fill in their empty fields' },
        { value: 'updateOnly', label: 'Update them, and do not create new customers' },
      ],
      default: 'overwrite',
    },
  ],
  baseUrl(settings: ConnectionSettings): string {
    const host = apiHostOf(settings['apiHost'] ?? '')
    return /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d+)?$/.test(host)
      ? `https://${host}`
      : `https://${DEFAULT_API_HOST}`
  },
}
