import type { CustomFieldSpec, ProviderField } from '../types.ts'

// Omnidesk's customer as Crosswalk maps onto it (seed 004, docs.omnidesk.io "Customer"). The
// customer has a primary external id, a first and last name, channels (email addresses, phone
// numbers…) and the account's own custom fields. Channels are sent as numbered pairs
// `customerChannelType_N` / `customerChannelValue_N`; the `channel.*` keys below say which pair.

export const PRIMARY_ID = 'primaryID'

/** Record keys of the channel fields and the Omnidesk channel type each one is sent as. */
export const CHANNEL_FIELDS: readonly { key: string; type: 'email' | 'telephone' }[] = [
  { key: 'channel.email', type: 'email' },
  { key: 'channel.telephone', type: 'telephone' },
  { key: 'channel.email.2', type: 'email' },
  { key: 'channel.telephone.2', type: 'telephone' },
]

/** Omnidesk does not document field lengths; 255 (a common database column size) is assumed. */
export const OMNIDESK_TEXT_LIMIT = 255

export const OMNIDESK_FIELDS: readonly ProviderField[] = [
  {
    key: PRIMARY_ID,
    label: 'Customer ID',
    group: 'identity',
    type: 'text',
    required: true,
    help: 'Your own id for this customer (Omnidesk calls it the primary external ID). Crosswalk uses it to find the customer in Omnidesk, so a second upload updates the customer instead of adding a copy.',
    aliases: [
      'primary id',
      'external id',
      'external primary id',
      'customer number',
      'client id',
      'crm id',
      'account number',
      'member id',
      'klantnummer',
      'id',
    ],
    maxLength: OMNIDESK_TEXT_LIMIT,
  },
  {
    key: 'firstname',
    label: 'First name',
    group: 'identity',
    type: 'text',
    required: false,
    help: "The customer's first name. Omnidesk accepts only letters (including Western European accented letters), spaces, dots, hyphens and apostrophes.",
    aliases: ['firstname', 'given name', 'forename', 'first', 'voornaam'],
    maxLength: OMNIDESK_TEXT_LIMIT,
  },
  {
    key: 'lastname',
    label: 'Last name',
    group: 'identity',
    type: 'text',
    required: false,
    help: "The customer's last name. Omnidesk accepts only letters (including Western European accented letters), spaces, dots, hyphens and apostrophes.",
    aliases: ['lastname', 'surname', 'family name', 'last', 'achternaam'],
    maxLength: OMNIDESK_TEXT_LIMIT,
  },
  {
    key: 'channel.email',
    label: 'Email',
    group: 'contact',
    type: 'email',
    required: false,
    help: "The customer's email address, e.g. name@example.com, added as an email channel so Omnidesk links incoming emails to this customer.",
    aliases: ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'primary email'],
    maxLength: OMNIDESK_TEXT_LIMIT,
  },
  {
    key: 'channel.telephone',
    label: 'Phone',
    group: 'contact',
    type: 'phone',
    required: false,
    help: "The customer's phone number in international format: a plus, the country code and the number, e.g. +31612345678. Added as a telephone channel.",
    aliases: ['phone', 'phone number', 'telephone', 'telephone number', 'tel', 'telefoon', 'telefoonnummer'],
    maxLength: OMNIDESK_TEXT_LIMIT,
  },
  {
    key: 'channel.email.2',
    label: 'Other email',
    group: 'contact',
    type: 'email',
    required: false,
    help: 'A second email address of the customer, added as another email channel.',
    aliases: [
      'second email',
      'secondary email',
      'alternative email',
      'email 2',
      'work email',
      'private email',
    ],
    maxLength: OMNIDESK_TEXT_LIMIT,
  },
  {
    key: 'channel.telephone.2',
    label: 'Other phone',
    group: 'contact',
    type: 'phone',
    required: false,
    help: 'A second phone number in international format (e.g. a mobile number), added as another telephone channel.',
    aliases: [
      'mobile',
      'mobile phone',
      'mobile number',
      'cell',
      'cell phone',
      'phone 2',
      'second phone',
      'mobiel',
    ],
    maxLength: OMNIDESK_TEXT_LIMIT,
  },
]

const CUSTOM_KEY = /^custom_[A-Za-z0-9_]+$/

/** "Loyalty tier" → "loyalty_tier"; accents and punctuation dropped. */
function customFieldName(header: string): string {
  const name = header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return name === '' ? 'field' : name
}

export const OMNIDESK_CUSTOM: CustomFieldSpec = {
  label: 'Custom field',
  help: 'A column with no matching Omnidesk field, sent as the custom customer field custom_<name>. Create a custom field with the same name in Omnidesk first, e.g. loyalty_tier for a "Loyalty tier" column.',
  keyFor: (header) => `custom_${customFieldName(header)}`,
  owns: (key) => CUSTOM_KEY.test(key),
  maxLength: OMNIDESK_TEXT_LIMIT,
  // Only its length is checked (validateRecord): checkRecord reads no custom field's value.
  valueRule: () => null,
}
