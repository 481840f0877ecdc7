import { describe, expect, it } from 'vitest'
import type { MappingTemplate } from '#shared/mapping/template.ts'
import {
  parseTemplateFile,
  templateFileName,
  templateFileText,
  toTemplateFile,
} from '#shared/mapping/template-file.ts'

// The template file is read from disk, written by hand or by a newer app: every way it can be
// wrong gets a message a non-developer can act on, naming the file and the entry.

const TEMPLATE: MappingTemplate = {
  name: 'Shop export',
  providerId: 'kustomer',
  fields: [
    { field: 'name', header: 'First name', joinHeaders: ['Last name'], joinWith: ' ' },
    { field: 'externalId', header: 'Customer ID' },
    {
      field: 'phones',
      header: 'Phone',
      transforms: [{ kind: 'collapseSpaces' }, { kind: 'phone', country: 'PL' }],
    },
    {
      field: 'custom.genderStr',
      header: 'Płeć',
      transforms: [{ kind: 'valueMap', values: [{ from: 'Kobieta', to: 'F' }] }],
      fallback: 'unknown',
    },
  ],
  constants: [{ field: 'tags', value: 'import-2024' }],
}

function fileWith(change: (file: Record<string, unknown>) => void): string {
  const file = JSON.parse(templateFileText(TEMPLATE)) as Record<string, unknown>
  change(file)
  return JSON.stringify(file)
}

function messageOf(text: string, providerId?: 'kustomer' | 'capillary') {
  const parsed = parseTemplateFile(text, 'shop.json', providerId ? { providerId } : {})
  if (parsed.ok) throw new Error('expected a failure')
  return parsed
}

describe('template files', () => {
  it('round-trips a template with joins, transforms, a value map and fixed values', () => {
    const text = templateFileText(TEMPLATE)
    expect(JSON.parse(text)).toMatchObject({ format: 'crosswalk.mapping-template', version: 1 })
    expect(Object.keys(JSON.parse(text)).slice(0, 2)).toEqual(['format', 'version'])
    expect(parseTemplateFile(text, 'shop.json', { providerId: 'kustomer' })).toEqual({
      ok: true,
      template: TEMPLATE,
    })
    expect(toTemplateFile(TEMPLATE)).toEqual({
      format: 'crosswalk.mapping-template',
      version: 1,
      ...TEMPLATE,
    })
  })

  it('reads a file saved with a byte-order mark', () => {
    expect(parseTemplateFile(`\uFEFF${templateFileText(TEMPLATE)}`, 'shop.json').ok).toBe(true)
  })

  it('names a safe file after the template', () => {
    expect(templateFileName({ name: 'Shop/export: May' })).toBe('Shop_export_ May.json')
  })

  it('says when the file is not JSON or empty', () => {
    expect(messageOf('{"format": "crosswalk.mapping-template",')).toMatchObject({
      problem: 'not-json',
      message: expect.stringMatching(
        /^“shop\.json” is not a template file Crosswalk can read: its text is not valid JSON/,
      ),
    })
    expect(messageOf('  ').message).toBe('“shop.json” is empty, so it holds no template.')
  })

  it.each([
    ['[]'],
    ['"text"'],
    ['{"name": "x", "fields": []}'],
    ['{"format": "something-else", "version": 1}'],
  ])('says when the file is not a Crosswalk template: %s', (text) => {
    expect(messageOf(text)).toEqual({
      ok: false,
      problem: 'not-template',
      message:
        '“shop.json” is not a Crosswalk mapping template. Choose a file made with “Export to file” in Crosswalk.',
    })
  })

  it('says when a newer Crosswalk made the file', () => {
    expect(messageOf(fileWith((file) => (file.version = 2)))).toMatchObject({
      problem: 'newer-version',
      message:
        '“shop.json” was made by a newer Crosswalk (template format version 2; this app reads up to version 1). Update Crosswalk, then import it again.',
    })
    expect(messageOf(fileWith((file) => delete file.version))).toMatchObject({
      problem: 'invalid',
      message: expect.stringContaining('its "version" should be 1'),
    })
  })

  it.each<[string, (file: Record<string, unknown>) => void, string]>([
    [
      'a phone transform without a country',
      (file) => {
        const fields = file.fields as { transforms?: Record<string, unknown>[] }[]
        fields[2]!.transforms![1] = { kind: 'phone', country: 'Poland' }
      },
      'Field 3 (“phones”): its transform “phone” needs a two-letter country (such as “PL” or “US”)',
    ],
    [
      'an unknown transform',
      (file) => {
        const fields = file.fields as { transforms?: Record<string, unknown>[] }[]
        fields[2]!.transforms![0] = { kind: 'reverse' }
      },
      'Field 3 (“phones”): its transform “reverse” is not one this app knows',
    ],
    [
      'a value map entry without “to”',
      (file) => {
        const fields = file.fields as { transforms?: { values: unknown[] }[] }[]
        fields[3]!.transforms![0]!.values = [{ from: 'Kobieta' }]
      },
      'Field 4 (“custom.genderStr”): its transform “valueMap” has a wrong entry 1',
    ],
    [
      'a field without a column',
      (file) => {
        const fields = file.fields as Record<string, unknown>[]
        delete fields[1]!.header
      },
      'Field 2 (“externalId”) needs the name of a column',
    ],
    [
      'an empty fixed value',
      (file) => ((file.constants as { value: string }[])[0]!.value = ''),
      'Fixed value 1 (“tags”) needs a value of 1 to 1,000 characters',
    ],
    ['no name', (file) => (file.name = ' '), 'The template needs a name of 1 to 100 characters'],
    [
      'an unknown provider',
      (file) => (file.providerId = 'salesforce'),
      'The provider (“salesforce”) is not one Crosswalk knows',
    ],
  ])('names the entry and what is wrong: %s', (_, change, expected) => {
    const failure = messageOf(fileWith(change))
    expect(failure.problem).toBe('invalid')
    expect(failure.message).toMatch(/^“shop\.json” is not a valid template\. /)
    expect(failure.message).toContain(expected)
  })

  it('lists at most three problems', () => {
    const failure = messageOf(
      fileWith((file) => (file.fields = [1, 2, 3, 4, 5].map(() => ({ field: '', header: 'x' })))),
    )
    expect(failure.message).toContain('(and 2 more problems)')
  })

  it('says which provider the template was made for, and still gives it to the caller', () => {
    const failure = messageOf(templateFileText(TEMPLATE), 'capillary')
    expect(failure).toMatchObject({
      problem: 'other-provider',
      message:
        '“shop.json” is a template for Kustomer, but this upload goes to Capillary. Choose Kustomer as the destination to use it.',
      template: TEMPLATE,
    })
  })
})

describe('docs/template-format.md', () => {
  it('has an example this app reads', async () => {
    const { readFileSync } = await import('node:fs')
    const doc = readFileSync(new URL('../../../../docs/template-format.md', import.meta.url), 'utf8')
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? ''
    const parsed = parseTemplateFile(example, 'example.json', { providerId: 'kustomer' })
    expect(parsed).toMatchObject({ ok: true, template: { name: 'Shop export' } })
  })
})
