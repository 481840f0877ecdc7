import type { CustomFieldSpec, ProviderField } from '../types.ts'

// Kustomer's customer object as Crosswalk maps onto it. Kustomer documents no required customer
// field, so nothing here is required; help texts paraphrase developer.kustomer.com.

export const KUSTOMER_FIELDS: readonly ProviderField[] = [
  {
    key: 'name',
    label: 'Full name',
    group: 'identity',
    type: 'text',
    required: false,
    help: "The customer's full name as your team will see it in Kustomer.",
    aliases: ['name', 'full name', 'customer name', 'contact name', 'client name', 'display name'],
    maxLength: 1024,
  },
  {
    key: 'externalId',
    label: 'External ID',
    group: 'identity',
    type: 'text',
    required: false,
    help: 'Your own id for this customer (e.g. from your CRM). Kustomer uses it to find the customer later and refuses a second customer with the same one.',
    aliases: [
      'external id',
      'customer id',
      'customer number',
      'client id',
      'crm id',
      'account id',
      'account number',
      'member id',
      'id',
    ],
    maxLength: 255,
  },
  {
    key: 'emails.0.email',
    label: 'Email',
    group: 'contact',
    type: 'email',
    required: false,
    help: "The customer's email address, e.g. name@example.com. Kustomer uses it to match incoming emails to this customer.",
    aliases: ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'primary email', 'work email'],
  },
  {
    key: 'phones.0.phone',
    label: 'Phone',
    group: 'contact',
    type: 'phone',
    required: false,
    help: "The customer's phone number in international format with a plus and the country code, e.g. +14155550100.",
    aliases: [
      'phone',
      'phone number',
      'telephone',
      'telephone number',
      'tel',
      'mobile',
      'mobile phone',
      'mobile number',
      'cell',
      'cell phone',
    ],
  },
  {
    key: 'tags',
    label: 'Tags',
    group: 'other',
    type: 'list',
    required: false,
    help: 'Labels for grouping customers in Kustomer. Separate several with commas or semicolons, e.g. "vip; newsletter".',
    aliases: ['tag', 'labels', 'label', 'segments', 'segment', 'groups', 'categories'],
  },
  {
    key: 'locale',
    label: 'Locale',
    group: 'other',
    type: 'locale',
    required: false,
    help: "The customer's language, with an optional country, e.g. en_US or pl. Kustomer uses it for replies and satisfaction surveys.",
    aliases: ['language', 'lang', 'preferred language', 'language code', 'locale code'],
  },
]

/** Valid suffixes of Kustomer custom attribute keys and the value type each one takes. */
export const CUSTOM_SUFFIXES = ['Str', 'Txt', 'Num', 'At', 'Bool', 'Url'] as const

const CUSTOM_TEXT_KEY = /^custom\.[A-Za-z_][A-Za-z0-9_]*Str$/

/** "Loyalty tier" → "loyaltyTier"; accents and punctuation dropped; a leading digit gets a prefix. */
function camelCaseIdentifier(header: string): string {
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

export const KUSTOMER_CUSTOM: CustomFieldSpec = {
  label: 'Custom attribute (text)',
  help: 'A column with no matching Kustomer field, stored on the customer as a custom text attribute of up to 1024 characters.',
  keyFor: (header) => `custom.${camelCaseIdentifier(header)}Str`,
  owns: (key) => CUSTOM_TEXT_KEY.test(key),
  maxLength: 1024,
}
