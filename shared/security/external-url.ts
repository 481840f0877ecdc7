/** Hosts Crosswalk may open in the user's browser: provider documentation and our own site. */
const ALLOWED_HOSTS = [
  'developer.kustomer.com',
  'help.kustomer.com',
  'docs.capillarytech.com',
  'docs.propeller-commerce.com',
  'api.thulium.com',
  'docs.omnidesk.io',
  'www.omnidesk.nl',
  'github.com',
]

/**
 * Whether a link may be handed to the operating system. Only https to an allowlisted host: `file:`,
 * `javascript:`, custom schemes and lookalike hosts are refused.
 */
export function isAllowedExternalUrl(value: string): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return false
  return ALLOWED_HOSTS.includes(url.hostname)
}
