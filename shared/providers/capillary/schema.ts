import type { CustomFieldSpec, ProviderField } from '../types.ts'

// Capillary's v2 customer as Crosswalk maps onto it (docs.capillarytech.com/reference/v2-add-customer
// and the Update association details seed). Keys are paths in the customer object the request builder
// understands: `identifiers.*` become `profiles[0].identifiers[]` (and a matching commChannel for email
// and mobile), `extendedFields.*` the platform-defined extended fields, `fields.*` the org's custom fields.
//
// Capillary requires `loyaltyType` and at least one identifier. The loyalty type has a default in the
// connection settings (spreadsheets rarely carry it), so the field is optional here; "at least one
// identifier" spans several fields and is checked in check-record.ts.
//
// `associationDetails.*` are Group Loyalty links (hierarchy, role, parent customer, fleet company). The
// upsert does not take them; they go in a second request to the seed's `PUT /v2/bulk` once the customer
// is saved (see association.ts).

export const LOYALTY_TYPES = ['loyalty', 'non_loyalty'] as const

/** The identifier types Crosswalk sends; Capillary has more (cards, wechat, fbId…) that need extra set-up. */
export const IDENTIFIER_KEYS = ['identifiers.externalId', 'identifiers.mobile', 'identifiers.email'] as const

/** Platform-defined extended fields documented by Capillary that Crosswalk offers (org must enable them). */
export const EXTENDED_FIELD_NAMES = [
  'gender',
  'dob',
  'city',
  'state',
  'area',
  'zip',
  'country_of_residence',
  'preferred_language',
] as const

/** Capillary keeps only the first 100 characters of a name (the rest is silently dropped). */
export const NAME_MAX_LENGTH = 100
/** Email identifiers are at most 255 characters. */
export const EMAIL_MAX_LENGTH = 255
/** Not documented; the sandbox refuses longer custom field values with 91015 ("field too long") [G]. */
export const CUSTOM_VALUE_MAX_LENGTH = 255

export const CAPILLARY_FIELDS: readonly ProviderField[] = [
  {
    key: 'identifiers.externalId',
    label: 'External ID',
    group: 'identity',
    type: 'text',
    required: false,
    help: 'Your own id for this customer (e.g. from your POS or CRM). Capillary finds the customer by it on the next upload, so it is the best identifier to include.',
    aliases: ['external id', 'customer id', 'customer number', 'client id', 'crm id', 'member id', 'id'],
    maxLength: 255,
  },
  {
    key: 'identifiers.mobile',
    label: 'Mobile',
    group: 'contact',
    type: 'phone',
    required: false,
    help: 'Mobile number with the country code, e.g. +919988221100. Crosswalk sends it the way Capillary wants it: digits only, without the plus.',
    aliases: [
      'mobile',
      'mobile number',
      'mobile phone',
      'phone',
      'phone number',
      'telephone',
      'tel',
      'cell',
      'cell phone',
    ],
  },
  {
    key: 'identifiers.email',
    label: 'Email',
    group: 'contact',
    type: 'email',
    required: false,
    help: 'The customer’s email address. Capillary accepts only letters, digits and - _ + . @ in it, up to 255 characters.',
    aliases: ['email', 'e-mail', 'email address', 'e-mail address', 'mail'],
    maxLength: EMAIL_MAX_LENGTH,
  },
  {
    key: 'firstName',
    label: 'First name',
    group: 'identity',
    type: 'text',
    required: false,
    help: 'Letters, digits, spaces, hyphens and apostrophes. Capillary keeps the first 100 characters.',
    aliases: ['first name', 'firstname', 'given name', 'forename'],
  },
  {
    key: 'lastName',
    label: 'Last name',
    group: 'identity',
    type: 'text',
    required: false,
    help: 'Letters, digits, spaces, hyphens and apostrophes. Capillary keeps the first 100 characters.',
    aliases: ['last name', 'lastname', 'surname', 'family name'],
  },
  {
    key: 'loyaltyType',
    label: 'Loyalty type',
    group: 'other',
    type: 'enum',
    options: LOYALTY_TYPES,
    required: false,
    help: 'loyalty for members of your loyalty programme, non_loyalty for others. Leave it unmapped to use the connection’s default. Capillary never turns a loyalty customer back into non_loyalty.',
    aliases: ['loyalty type', 'loyalty status', 'member type'],
  },
  {
    key: 'createDate',
    label: 'Registration date',
    group: 'other',
    type: 'datetime',
    required: false,
    help: 'When the customer registered, with time and time zone, e.g. 2016-06-23T19:11:18+08:00.',
    aliases: [
      'registration date',
      'registered on',
      'signup date',
      'sign-up date',
      'created at',
      'create date',
    ],
  },
  {
    key: 'extendedFields.gender',
    label: 'Gender',
    group: 'other',
    type: 'text',
    required: false,
    help: 'Stored in Capillary’s gender extended field, e.g. Male or Female (the values your organisation accepts).',
    aliases: ['gender', 'sex'],
  },
  {
    key: 'extendedFields.dob',
    label: 'Date of birth',
    group: 'other',
    type: 'date',
    required: false,
    help: 'Stored in Capillary’s dob extended field, as YYYY-MM-DD, e.g. 1990-04-23.',
    aliases: ['date of birth', 'birth date', 'birthdate', 'birthday', 'dob'],
  },
  {
    key: 'extendedFields.city',
    label: 'City',
    group: 'address',
    type: 'text',
    required: false,
    help: 'Stored in Capillary’s city extended field.',
    aliases: ['city', 'town', 'locality'],
  },
  {
    key: 'extendedFields.state',
    label: 'State',
    group: 'address',
    type: 'text',
    required: false,
    help: 'Stored in Capillary’s state extended field.',
    aliases: ['state', 'region', 'province', 'county'],
  },
  {
    key: 'extendedFields.area',
    label: 'Area',
    group: 'address',
    type: 'text',
    required: false,
    help: 'Stored in Capillary’s area extended field (a district or neighbourhood).',
    aliases: ['area', 'district', 'neighbourhood', 'neighborhood'],
  },
  {
    key: 'extendedFields.zip',
    label: 'Postal code',
    group: 'address',
    type: 'text',
    required: false,
    help: 'Stored in Capillary’s zip extended field.',
    aliases: ['zip', 'zip code', 'postcode', 'post code', 'postal code'],
  },
  {
    key: 'extendedFields.country_of_residence',
    label: 'Country of residence',
    group: 'address',
    type: 'text',
    required: false,
    help: 'Stored in Capillary’s country_of_residence extended field.',
    aliases: ['country', 'country code', 'country of residence'],
  },
  {
    key: 'extendedFields.preferred_language',
    label: 'Preferred language',
    group: 'other',
    type: 'text',
    required: false,
    help: 'Stored in Capillary’s preferred_language extended field.',
    aliases: ['language', 'preferred language', 'lang', 'locale'],
  },
  {
    key: 'associationDetails.hierarchyCode',
    label: 'Hierarchy code',
    group: 'other',
    type: 'text',
    required: false,
    help: 'Group Loyalty: the code of the hierarchy (set up in Capillary) to link this customer into. Needs a Role code too.',
    aliases: ['hierarchy code', 'hierarchy', 'group hierarchy'],
    maxLength: 255,
  },
  {
    key: 'associationDetails.roleCode',
    label: 'Role code',
    group: 'other',
    type: 'text',
    required: false,
    help: 'Group Loyalty: the customer’s role in the hierarchy, one of the role codes defined in it (e.g. FA for a fleet admin).',
    aliases: ['role code', 'role', 'group role', 'hierarchy role'],
    maxLength: 255,
  },
  {
    key: 'associationDetails.parentExternalId',
    label: 'Parent customer External ID',
    group: 'other',
    type: 'text',
    required: false,
    help: 'Group Loyalty: the External ID of the customer this one reports to in the hierarchy. That customer must already be in Capillary with the role above this one.',
    aliases: [
      'parent external id',
      'parent customer external id',
      'parent customer id',
      'parent id',
      'reports to',
    ],
    maxLength: 255,
  },
  {
    key: 'associationDetails.parentMobile',
    label: 'Parent customer mobile',
    group: 'other',
    type: 'phone',
    required: false,
    help: 'Group Loyalty: instead of the parent’s External ID, the mobile number (with country code) of the customer this one reports to.',
    aliases: ['parent mobile', 'parent customer mobile', 'parent phone'],
  },
  {
    key: 'associationDetails.fleetCompanyExternalId',
    label: 'Fleet company External ID',
    group: 'other',
    type: 'text',
    required: false,
    help: 'Group Loyalty: the External ID of the company (fleet) this customer belongs to.',
    aliases: ['fleet company', 'fleet company id', 'fleet company external id', 'fleet id'],
    maxLength: 255,
  },
]

/** The Group Loyalty fields: a row that has any of them is also sent to `PUT /v2/bulk`. */
export const ASSOCIATION_KEYS = [
  'associationDetails.hierarchyCode',
  'associationDetails.roleCode',
  'associationDetails.parentExternalId',
  'associationDetails.parentMobile',
  'associationDetails.fleetCompanyExternalId',
] as const

const CUSTOM_KEY = /^fields\.[a-z0-9_]+$/

/** "Loyalty tier" → "loyalty_tier": Capillary custom field names are lower-case with underscores. */
export function customFieldName(header: string): string {
  const name = header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  return name === '' ? 'field' : name
}

export const CAPILLARY_CUSTOM: CustomFieldSpec = {
  label: 'Custom field',
  help: 'A column with no matching Capillary field, sent as one of your organisation’s custom fields. Capillary keeps only custom fields your organisation has set up, under the same name.',
  keyFor: (header) => `fields.${customFieldName(header)}`,
  owns: (key) => CUSTOM_KEY.test(key),
  maxLength: CUSTOM_VALUE_MAX_LENGTH,
  // Only its length is checked (validateRecord): checkRecord reads no custom field's value.
  valueRule: () => null,
}
