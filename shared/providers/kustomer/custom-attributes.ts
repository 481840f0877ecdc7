import { message } from '../../i18n/message.ts'
import {
  checkBoolean,
  checkDateTime,
  checkNumber,
  checkUrl,
  normaliseBoolean,
  normaliseNumber,
} from '../../validation/rules.ts'
import type { CustomFieldSpec, FieldIssue, MappedRecord, ValueRule } from '../types.ts'
import { toIsoDateTime } from './values.ts'

// Kustomer custom attributes live under `custom` on the customer, and the end of each attribute's
// name says its type (developer.kustomer.com): `Str` and `Txt` text up to 1024 characters, `Num` a
// number, `At` a date-time, `Bool` true/false, `Url` a web address. In a mapped record the key is
// `custom.<name><Suffix>`, e.g. `custom.lifetimeValueNum`.

export const CUSTOM_SUFFIXES = ['Str', 'Txt', 'Num', 'At', 'Bool', 'Url'] as const
export type CustomSuffix = (typeof CUSTOM_SUFFIXES)[number]

const CUSTOM_KEY = /^custom\.([A-Za-z_][A-Za-z0-9_]*?)(Str|Txt|Num|At|Bool|Url)$/

/** The attribute name (without `custom.`) and its type suffix, or null when the key is not a custom attribute. */
export function parseCustomKey(key: string): { name: string; suffix: CustomSuffix } | null {
  const match = CUSTOM_KEY.exec(key)
  if (!match) return null
  return { name: key.slice('custom.'.length), suffix: match[2] as CustomSuffix }
}

/** "Loyalty tier" → "loyaltyTier"; accents and punctuation dropped; a leading digit gets a prefix. */
export function camelCaseIdentifier(header: string): string {
  const words = header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '')
  const camel = words
    .map((word, index) =>
      index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase(),
    )
    .join('')
  if (camel === '') return 'field'
  // Kustomer attribute names are identifiers: "2024 spend" becomes "field2024Spend".
  return /^[0-9]/.test(camel) ? `field${camel}` : camel
}

/** The record key of a custom attribute of the chosen type for a column, e.g. ("Lifetime value", "Num"). */
export function customKeyFor(header: string, suffix: CustomSuffix = 'Str'): string {
  return `custom.${camelCaseIdentifier(header)}${suffix}`
}

function isSuffix(type: string | undefined): type is CustomSuffix {
  return (CUSTOM_SUFFIXES as readonly (string | undefined)[]).includes(type)
}

export const KUSTOMER_CUSTOM: CustomFieldSpec = {
  label: 'Custom attribute',
  help: 'Columns with no matching Kustomer field, stored on the customer as custom attributes. Choose each one’s type: Kustomer spells it at the end of the attribute’s name (Str text, Num number, At date and time, Bool yes/no, Url web address, Txt long text), so it must match the attribute if it already exists in Kustomer.',
  keyFor: (header, type) => customKeyFor(header, isSuffix(type) ? type : 'Str'),
  types: [
    { value: 'Str', label: 'Text' },
    { value: 'Txt', label: 'Long text' },
    { value: 'Num', label: 'Number' },
    { value: 'At', label: 'Date and time' },
    { value: 'Bool', label: 'Yes/no' },
    { value: 'Url', label: 'Web address' },
  ],
  typeOf: (key) => parseCustomKey(key)?.suffix,
  owns: (key) => CUSTOM_KEY.test(key),
  maxLength: 1024,
  valueRule: customAttributeRule,
}

/**
 * Whether a custom attribute's value does not fit the type its suffix declares. The sentence is the
 * rule's own followed by what Kustomer stores (`validation:kustomer.custom.<suffix>`), one catalog
 * entry per type, so each language can join the two as it needs.
 */
function hasTypeProblem(suffix: Exclude<CustomSuffix, 'Str' | 'Txt'>, text: string): boolean {
  switch (suffix) {
    case 'Num':
      // Checked as it will be sent (decimal comma, spaces).
      return checkNumber(normaliseNumber(text)) !== null
    case 'At':
      return checkDateTime(text) !== null
    case 'Bool':
      return checkBoolean(normaliseBoolean(text)) !== null
    case 'Url':
      return checkUrl(text) !== null
  }
}

/**
 * A custom attribute's value checked against the type its name's suffix declares, or null for a key
 * that is not a custom attribute or declares text (whose length validateRecord checks).
 */
export function customAttributeRule(key: string): ValueRule | null {
  const parsed = parseCustomKey(key)
  if (!parsed || parsed.suffix === 'Str' || parsed.suffix === 'Txt') return null
  const { name, suffix } = parsed
  return (text) =>
    hasTypeProblem(suffix, text)
      ? [
          {
            field: key,
            severity: 'error',
            rule: `custom${suffix}`,
            // Quoted as the person wrote it.
            message: message(`validation:kustomer.custom.${suffix}`, { value: text, name }),
          },
        ]
      : []
}

/** Each custom attribute's value checked against the type its name's suffix declares. */
export function checkCustomAttributes(record: MappedRecord): FieldIssue[] {
  const issues: FieldIssue[] = []
  // Runs on every row read the ordinary way: walk the keys without copying them into pairs, and let
  // the regex see only custom keys.
  for (const key in record) {
    if (!key.startsWith('custom.')) continue
    const rule = customAttributeRule(key)
    if (rule) issues.push(...rule(record[key]!))
  }
  return issues
}

/** The JSON value Kustomer takes for a checked cell of a custom attribute with this suffix. */
export function customValue(suffix: CustomSuffix, text: string): string | number | boolean {
  switch (suffix) {
    case 'Num':
      return Number(normaliseNumber(text))
    case 'At':
      return toIsoDateTime(text)
    case 'Bool':
      return normaliseBoolean(text) === 'true'
    case 'Str':
    case 'Txt':
    case 'Url':
      return text
  }
}
