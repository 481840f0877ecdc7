import { message, type Message } from '../../i18n/message.ts'
import type { FieldIssue, MappedRecord, ValueRule } from '../types.ts'
import { checkCustomAttributes } from './custom-attributes.ts'
import { toKustomerGender } from './values.ts'
import { addValueRuleIssues } from '../value-rules.ts'

// Kustomer's rules that span more than one cell, or that the generic field types do not cover.
// Per-field types (email, phone, enum, date-time…) are checked by validateRecord from the schema.

const COUNTRY_CODE = /^[A-Za-z]{2}$/
const knownZones = new Map<string, boolean>()

/** Whether the runtime knows this IANA zone (Kustomer's `timeZone` example is "America/Chicago"). */
function isTimeZone(zone: string): boolean {
  let known = knownZones.get(zone)
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone })
      known = zone.includes('/') || zone === 'UTC'
    } catch {
      known = false
    }
    knownZones.set(zone, known)
  }
  return known
}

function error(field: string, rule: string, said: Message): FieldIssue {
  return { field, severity: 'error', rule, message: said }
}

/**
 * A kind without the value it describes is dropped when sending: said as a warning, not an error.
 * `what` names the value in the catalog (`validation:kustomer.orphanType.<what>`).
 */
function orphanType(
  record: MappedRecord,
  typeKey: string,
  valueKeys: readonly string[],
  what: string,
): FieldIssue[] {
  if (record[typeKey] === undefined || valueKeys.some((key) => record[key] !== undefined)) return []
  return [
    {
      field: typeKey,
      severity: 'warning',
      rule: 'orphanType',
      message: message(`validation:kustomer.orphanType.${what}`),
    },
  ]
}

const ADDRESS_PARTS = [
  'locations.0.address',
  'locations.0.address2',
  'locations.0.cityName',
  'locations.0.regionCode',
  'locations.0.regionName',
  'locations.0.zipCode',
  'locations.0.countryCode',
  'locations.0.countryName',
]

/**
 * Kustomer's checks of one field's value, by record key (`ProviderDefinition.valueRules`): each returns
 * the issues of that value alone, in the order checkKustomerRecord reports them. It calls these and
 * reads no other value, custom attributes aside.
 */
export const KUSTOMER_VALUE_RULES: Readonly<Record<string, ValueRule>> = {
  'locations.0.countryCode': (country) =>
    COUNTRY_CODE.test(country)
      ? []
      : [
          error(
            'locations.0.countryCode',
            'countryCode',
            message('validation:kustomer.countryCode', { value: country }),
          ),
        ],
  timeZone: (zone) =>
    isTimeZone(zone)
      ? []
      : [error('timeZone', 'timeZone', message('validation:kustomer.timeZone', { value: zone }))],
  gender: (gender) =>
    toKustomerGender(gender) !== null
      ? []
      : [error('gender', 'gender', message('validation:kustomer.gender', { value: gender }))],
}

const VALUE_RULES = Object.entries(KUSTOMER_VALUE_RULES)

export function checkKustomerRecord(record: MappedRecord): FieldIssue[] {
  const issues: FieldIssue[] = []
  addValueRuleIssues(VALUE_RULES, record, issues)
  // The seed's schema declares a social profile's `type` and `username`, and sentiment's `polarity`
  // and `confidence`, as required together.
  if (record['socials.0.username'] !== undefined && record['socials.0.type'] === undefined) {
    issues.push(error('socials.0.username', 'socialType', message('validation:kustomer.socialType')))
  }
  const polarity = record['sentiment.polarity'] !== undefined
  const confidence = record['sentiment.confidence'] !== undefined
  if (polarity !== confidence) {
    issues.push(
      error(
        polarity ? 'sentiment.polarity' : 'sentiment.confidence',
        'sentiment',
        message('validation:kustomer.sentiment'),
      ),
    )
  }
  issues.push(
    ...orphanType(record, 'emails.0.type', ['emails.0.email'], 'email'),
    ...orphanType(record, 'emails.1.type', ['emails.1.email'], 'secondEmail'),
    ...orphanType(record, 'phones.0.type', ['phones.0.phone'], 'phone'),
    ...orphanType(record, 'phones.1.type', ['phones.1.phone'], 'secondPhone'),
    ...orphanType(record, 'locations.0.type', ADDRESS_PARTS, 'address'),
    ...orphanType(record, 'socials.0.type', ['socials.0.username'], 'socialProfile'),
    ...orphanType(record, 'urls.0.type', ['urls.0.url'], 'website'),
    ...checkCustomAttributes(record),
  )
  return issues
}
