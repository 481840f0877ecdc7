import type { SandboxResponse } from '../loopback-server.ts'

// Capillary's v2 error envelope: `{ errors: [{ status: false, code, message }], warnings: [] }` [C].
// The codes below are Capillary's documented ones [C], except where marked [G]: Capillary documents no
// body for auth failures, rate limiting, oversized bodies or server errors, so the sandbox uses the
// same envelope with the HTTP status as the code.

export interface CodeEntry {
  status: false
  code: number
  message: string
}

export function entry(code: number, message: string): CodeEntry {
  return { status: false, code, message }
}

export function errorEnvelope(status: number, code: number, message: string): SandboxResponse {
  return { status, body: { errors: [entry(code, message)], warnings: [] } }
}

export const CODES = {
  invalidSource: [8003, 'Invalid source passed'],
  lookupInvalidSource: [8011, 'Invalid source passed for lookup'],
  noValidIdentifiers: [8005, 'Customer add failed - no valid identifiers passed'],
  differentProfiles: [8008, 'Same source different profile for the given identifiers'],
  invalidCommChannel: [8010, 'Invalid communication channel'],
  invalidIdentifier: [8013, 'Invalid identifier type'],
  notFound: [8015, 'Customer not found for the given identifiers'],
  invalidRegistrationDate: [8017, 'Invalid registration date'],
  loyaltyDowngrade: [8018, 'Loyalty customer cannot be converted to non loyalty'],
  invalidAccount: [8127, 'Invalid source or account id'],
  batchLimit: [1060, 'Batch limit exceeded'],
  extendedFields: [91015, 'Failed to update extended fields'],
  invalidEmail: [8055, 'Invalid email'],
  invalidMobile: [8056, 'Invalid mobile'],
  invalidChannelEmail: [8057, 'Invalid email in communication channel'],
  invalidChannelMobile: [8058, 'Invalid mobile in communication channel'],
  externalIdInvalid: [8064, 'External id validation failed'],
  busy: [521, 'Multiple actions are running for the same customer, please retry later'],
  // [G] Capillary documents loyaltyType as required but no code for a missing or unknown one.
  invalidLoyaltyType: [8000, 'Invalid loyalty type; use loyalty or non_loyalty'],
  // [G] Group Loyalty refusals of PUT /v2/bulk: Capillary documents the endpoint but not its codes.
  noAssociation: [8200, 'associationDetails with hierarchyCode and roleCode is required'],
  unknownHierarchy: [8201, 'Invalid hierarchy code'],
  unknownRole: [8202, 'Invalid role code for the hierarchy'],
  parentRole: [8203, 'The parent customer’s role cannot have this role as its child'],
} as const satisfies Record<string, readonly [number, string]>

export function coded(which: keyof typeof CODES, detail?: string): CodeEntry {
  const [code, message] = CODES[which]
  return entry(code, detail ? `${message}: ${detail}` : message)
}

export const serverError = (): SandboxResponse => errorEnvelope(500, 500, 'Internal server error') // [G]
export const rateLimited = (): SandboxResponse =>
  errorEnvelope(429, 429, 'Rate limit exceeded for this API key, try again later') // [G]
