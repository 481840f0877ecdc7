import type { ConnectionSettings, ConnectionSpec } from '../types.ts'
import { LOYALTY_TYPES } from './schema.ts'

// Capillary runs one API host per cluster; credentials work only on the cluster of their organisation.
// Requests carry a `source` (and, for multi-account sources, an `accountId`) that scopes identifiers:
// the same mobile number can be two different customers under two sources.

export const CLUSTER_HOSTS = [
  { value: 'apac.api.capillarytech.com', label: 'India (apac)' },
  { value: 'apac2.api.capillarytech.com', label: 'Asia-Pacific 2, Singapore (apac2)' },
  { value: 'eu.api.capillarytech.com', label: 'Europe (eu)' },
  { value: 'us.api.capillarytech.com', label: 'United States (us)' },
  { value: 'api.capillarytech.cn.com', label: 'China' },
  { value: 'eucrm.cc.capillarytech.com', label: 'Europe CRM (eucrm)' },
] as const

export const SOURCES = [
  'INSTORE',
  'FACEBOOK',
  'WEB_ENGAGE',
  'WECHAT',
  'MARTJACK',
  'TMALL',
  'TAOBAO',
  'JD',
  'ECOMMERCE',
  'WEBSITE',
  'LINE',
  'MOBILE_APP',
  'ALL',
] as const

/** Sources where one organisation can have several accounts, so Capillary needs `accountId` [C]. */
export const MULTI_ACCOUNT_SOURCES: readonly string[] = ['WECHAT', 'FACEBOOK', 'LINE']

export type AuthMethod = 'basic' | 'oauth'

export function authMethodOf(settings: ConnectionSettings): AuthMethod {
  return settings['authMethod'] === 'oauth' ? 'oauth' : 'basic'
}

export const CAPILLARY_CONNECTION: ConnectionSpec = {
  fields: [
    {
      key: 'cluster',
      label: 'Cluster',
      kind: 'choice',
      required: true,
      help: 'The Capillary cluster your organisation is on; it is the host in the API address your Capillary team gave you.',
      choices: CLUSTER_HOSTS.map((host) => ({ value: host.value, label: `${host.label} — ${host.value}` })),
      default: 'eu.api.capillarytech.com',
    },
    {
      key: 'source',
      label: 'Source',
      kind: 'choice',
      required: true,
      help: 'Where these customers come from in Capillary. Customers are matched by identifier within a source, so use the same source every time you upload the same customers. INSTORE is the usual one.',
      choices: SOURCES.map((source) => ({ value: source, label: source })),
      default: 'INSTORE',
    },
    {
      key: 'accountId',
      label: 'Account ID',
      kind: 'text',
      required: false,
      help: 'Only for sources with several accounts (WeChat, Facebook, Line): the account these customers belong to. Leave empty otherwise.',
    },
    {
      key: 'loyaltyType',
      label: 'Loyalty type of new customers',
      kind: 'choice',
      required: true,
      help: 'Capillary requires every customer to be loyalty (enrolled in your programme) or non_loyalty. Used for rows that have no Loyalty type column.',
      choices: LOYALTY_TYPES.map((type) => ({ value: type, label: type })),
      default: 'loyalty',
    },
    {
      key: 'authMethod',
      label: 'Sign in with',
      kind: 'choice',
      required: true,
      help: 'A till (store) username and password, or an OAuth client key and secret created in InTouch under Organization Settings → Tools → Authentication.',
      choices: [
        { value: 'basic', label: 'Till username and password' },
        { value: 'oauth', label: 'OAuth client key and secret' },
      ],
      default: 'basic',
    },
    {
      key: 'tillUsername',
      label: 'Till username',
      kind: 'text',
      required: false,
      help: 'For till sign-in: the username of the till (store terminal) that registers these customers.',
    },
    {
      key: 'tillPassword',
      label: 'Till password',
      kind: 'secret',
      required: false,
      help: 'For till sign-in: the till’s password as you know it. Crosswalk sends only its MD5 hash, as Capillary requires.',
    },
    {
      key: 'oauthClientKey',
      label: 'OAuth client key',
      kind: 'text',
      required: false,
      help: 'For OAuth sign-in: the client key from InTouch → Organization Settings → Tools → Authentication.',
    },
    {
      key: 'oauthClientSecret',
      label: 'OAuth client secret',
      kind: 'secret',
      required: false,
      help: 'For OAuth sign-in: the client secret shown when the client key was created.',
    },
  ],
  baseUrl(settings: ConnectionSettings): string {
    const chosen = settings['cluster']
    const known = CLUSTER_HOSTS.find((host) => host.value === chosen)
    return `https://${known?.value ?? 'eu.api.capillarytech.com'}`
  },
}
