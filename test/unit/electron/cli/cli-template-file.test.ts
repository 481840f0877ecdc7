import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { MappingTemplate } from '#shared/mapping/template.ts'
import { templateFileText } from '#shared/mapping/template-file.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// `crosswalk import --template FILE.json`: a template file exported from the app (or written by
// hand) drives the whole import, transforms and fixed values included, and a bad file is one line.

const CLI = new URL('../../../../electron/cli/index.ts', import.meta.url).pathname
const FIXTURE = new URL('../../../fixtures/customers-10.csv', import.meta.url).pathname
const files = tempFiles()
afterAll(files.cleanup)

function crosswalk(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, CROSSWALK_DATA_DIR: join(files.dir, 'data') },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const TEMPLATE: MappingTemplate = {
  name: 'CRM export',
  providerId: 'kustomer',
  fields: [
    { field: 'name', header: 'Full name' },
    { field: 'externalId', header: 'Customer ID' },
    // Turns Ada's address into one validation refuses: proof that the transform reached the engine.
    {
      field: 'emails.0.email',
      header: 'Email',
      transforms: [{ kind: 'valueMap', values: [{ from: 'ADA@example.com', to: 'not an address' }] }],
    },
  ],
}

const importWith = (template: string, ...extra: string[]) =>
  crosswalk('import', FIXTURE, '--provider', 'kustomer', '--template', template, '--sandbox', ...extra)

function expectOneLine(stderr: string, message: RegExp | string) {
  expect(stderr.trim().split('\n')).toHaveLength(1)
  expect(stderr).toMatch(message)
  expect(stderr).not.toMatch(/\bat .*\.ts:\d+/)
}

describe('crosswalk import --template FILE.json', () => {
  it('applies the file’s mapping with its transforms', () => {
    const path = files.write('crm.json', templateFileText(TEMPLATE))
    const report = join(files.dir, 'report.json')
    const { code, stderr } = importWith(path, '--report', report)
    expect(stderr).toContain('Email → emails.0.email')
    // The fixture has one bad address of its own; the transform makes Ada's the second.
    expect(stderr).toContain('2 with validation errors')
    expect(code).toBe(1)
    expect(JSON.parse(readFileSync(report, 'utf8')).totals).toMatchObject({
      rows: 10,
      created: 8,
      skipped: 2,
    })
  })

  it('applies the file’s fixed values', () => {
    const withConstant = { ...TEMPLATE, constants: [{ field: 'emails.1.email', value: 'nobody at all' }] }
    const path = files.write('crm-constant.json', templateFileText(withConstant))
    const { stderr } = importWith(path)
    expect(stderr).toContain('fixed values emails.1.email = "nobody at all"')
    expect(stderr).toContain('10 with validation errors') // the fixed value is not an address, on every row
  })

  it('is read as a path when the file exists, whatever its name', () => {
    const path = files.write('crm-template.txt', templateFileText(TEMPLATE))
    expect(importWith(path).stderr).toContain('Email → emails.0.email')
  })

  it.each<[string, string, string | RegExp]>([
    [
      'a damaged file',
      '{"format": "crosswalk.mapping-template"',
      /^“broken\.json” is not a template file Crosswalk can read/,
    ],
    [
      'a template for another provider',
      templateFileText({ ...TEMPLATE, providerId: 'capillary' }),
      '“broken.json” is a template for Capillary, but this upload goes to Kustomer. Choose Capillary as the destination to use it.',
    ],
    [
      'a wrong transform',
      templateFileText(TEMPLATE).replace('"valueMap"', '"phone"'),
      /Field 3 \(“emails\.0\.email”\): its transform “phone” needs a two-letter country/,
    ],
    [
      'a template whose columns this file lacks',
      templateFileText({ ...TEMPLATE, fields: [{ field: 'name', header: 'Nom complet' }] }),
      /^None of the columns the mapping "CRM export" expects \(Nom complet\) are in "customers-10\.csv"/,
    ],
  ])('refuses %s in one line, exit 2', (_, text, message) => {
    const { code, stderr } = importWith(files.write('broken.json', text))
    expect(code).toBe(2)
    expectOneLine(stderr, message)
  })

  it('says when there is no file at a .json path', () => {
    const { code, stderr } = importWith(join(files.dir, 'missing.json'))
    expect(code).toBe(2)
    expectOneLine(stderr, /^There is no template file at .*missing\.json\.\n$/)
  })
})
