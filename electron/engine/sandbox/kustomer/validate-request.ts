// Checks Kustomer makes before accepting a bulk request at all; any failure is a synchronous 400 and
// nothing in the request is processed.

export const MAX_ITEMS = 100
const MAX_CLIENT_REF = 255

export type RequestCheck = { ok: true; items: unknown[]; clientRefs: boolean } | { ok: false; detail: string }

export function checkBulkRequest(body: string): RequestCheck {
  let items: unknown
  try {
    items = JSON.parse(body)
  } catch {
    return { ok: false, detail: 'The request body is not valid JSON.' }
  }
  if (!Array.isArray(items)) return { ok: false, detail: 'The request body must be an array of customers.' }
  if (items.length === 0) return { ok: false, detail: 'The request body must contain at least one customer.' }
  if (items.length > MAX_ITEMS) {
    return {
      ok: false,
      detail: `A bulk request takes at most ${MAX_ITEMS} customers; this one has ${items.length}.`,
    }
  }
  // `_clientRef` is all-or-none, a non-empty string of at most 255 characters, unique in the request.
  const refs = items.map((item) =>
    typeof item === 'object' && item !== null ? (item as Record<string, unknown>)['_clientRef'] : undefined,
  )
  const withRef = refs.filter((ref) => ref !== undefined).length
  if (withRef === 0) return { ok: true, items, clientRefs: false }
  if (withRef !== items.length) {
    return { ok: false, detail: '_clientRef must be set on every item or on none.' }
  }
  const seen = new Set<string>()
  for (const [index, ref] of refs.entries()) {
    if (typeof ref !== 'string' || ref === '') {
      return { ok: false, detail: `Item ${index}: _clientRef must be a non-empty string.` }
    }
    if (ref.length > MAX_CLIENT_REF) {
      return { ok: false, detail: `Item ${index}: _clientRef is longer than ${MAX_CLIENT_REF} characters.` }
    }
    if (seen.has(ref)) return { ok: false, detail: `Item ${index}: _clientRef "${ref}" is used twice.` }
    seen.add(ref)
  }
  return { ok: true, items, clientRefs: true }
}
