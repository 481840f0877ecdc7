import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from '#shared/security/external-url.ts'

describe('isAllowedExternalUrl', () => {
  it('allows https links to provider documentation', () => {
    expect(isAllowedExternalUrl('https://developer.kustomer.com/docs/get-started/authentication')).toBe(true)
  })

  it.each([
    'http://developer.kustomer.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://developer.kustomer.com.evil.example/',
    'https://user:pass@developer.kustomer.com/',
    'https://developer.kustomer.com:8443/',
    'smb://attacker/share',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })
})
