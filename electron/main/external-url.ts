import { shell } from 'electron'
import { isAllowedExternalUrl } from '#shared/security/external-url.ts'

/** The only caller of shell.openExternal (lint-enforced): allowlisted https links only. */
export function safeOpenExternal(url: string): void {
  if (!isAllowedExternalUrl(url)) {
    console.warn('[security] refused to open an external link that is not on the allowlist')
    return
  }
  // eslint-disable-next-line no-restricted-properties -- this function is the one allowed place
  void shell.openExternal(url)
}
