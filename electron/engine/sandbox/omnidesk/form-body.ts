// Reads the form bodies Omnidesk's customer endpoints take. The docs show multipart/form-data for
// the POST endpoints and application/x-www-form-urlencoded for the PUT ones. The sandbox accepts
// both on POST; on PUT it accepts only urlencoded, the conservative reading (PHP-style servers do
// not parse multipart bodies of PUT requests, so their fields would simply be missing).

export type FormRead = { ok: true; fields: ReadonlyMap<string, string> } | { ok: false; message: string }

export async function readForm(
  method: string,
  contentType: string | undefined,
  body: string,
): Promise<FormRead> {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (type === 'application/x-www-form-urlencoded') {
    return { ok: true, fields: new Map(new URLSearchParams(body)) }
  }
  if (type === 'multipart/form-data' && method === 'POST') {
    try {
      const form = await new Response(body, { headers: { 'content-type': contentType ?? '' } }).formData()
      const fields = new Map<string, string>()
      for (const [key, value] of form) if (typeof value === 'string') fields.set(key, value)
      return { ok: true, fields }
    } catch {
      return { ok: false, message: 'The multipart/form-data body could not be read.' }
    }
  }
  const accepted =
    method === 'POST'
      ? 'multipart/form-data or application/x-www-form-urlencoded'
      : 'application/x-www-form-urlencoded'
  return { ok: false, message: `Send the fields as ${accepted}.` }
}
