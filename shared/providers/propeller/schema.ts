import type { FieldGroup, FieldType, ProviderField } from '../types.ts'
import { ISO_COUNTRY_CODES } from './countries.ts'

// Propeller's customer object as `POST /v2/customers/bulk/sourceId` takes it (seed 002, providers.md
// §3). Record keys are Propeller's own JSON names; address parts are flat keys such as
// `addresses.0.street`, turned back into the `addresses` array by request.ts. The schema on
// Propeller's side is closed (unknown keys are refused), so only these keys are ever sent.
//
// Left out on purpose: `company` and `mobile` (the sourceId endpoint refuses `company`, providers.md
// [C/conflicting]), `parent` (a usergroup reference Crosswalk cannot check) and custom `attributes`
// (v1 only). The source (`source`) comes from the connection, not from a column.

export const YES_NO = ['Y', 'N'] as const
export const GENDERS = ['M', 'F', 'U'] as const
export const ADDRESS_TYPES = ['delivery', 'invoice'] as const
/** How many addresses a row can carry: a delivery and an invoice address cover nearly every file. */
export const ADDRESS_SLOTS = 2

interface FieldSpec {
  key: string
  label: string
  group: FieldGroup
  type?: FieldType
  required?: boolean
  help: string
  aliases?: readonly string[]
  options?: readonly string[]
  maxLength?: number
}

function field(spec: FieldSpec): ProviderField {
  return { ...spec, type: spec.type ?? 'text', required: spec.required ?? false, aliases: spec.aliases ?? [] }
}

const CUSTOMER_FIELDS: readonly ProviderField[] = [
  field({
    key: 'sourceId',
    label: 'Customer ID',
    group: 'identity',
    required: true,
    help: 'Your own id for this customer (e.g. from your webshop or ERP). Propeller finds the customer by this id and the connection’s source, so uploading the file again updates it instead of creating a duplicate.',
    aliases: ['source id', 'sourceid', 'external id', 'customer number', 'client id', 'crm id', 'id'],
  }),
  field({
    // Not named "id" or "customer id": the sample's "Customer ID" column must keep matching sourceId.
    key: 'propellerId',
    label: 'Propeller customer ID',
    group: 'identity',
    type: 'integer',
    help: 'The number Propeller gave this customer, e.g. 25494. Used, and then needed in every row, only when the connection matches customers by Propeller customer ID; otherwise it is not sent.',
    aliases: ['propeller id', 'propeller customer number', 'propeller number'],
  }),
  field({
    key: 'debtorId',
    label: 'Debtor ID',
    group: 'identity',
    help: 'The debtor number in your accounting system. Leave it empty and Propeller makes one up.',
    aliases: ['debtor', 'debtor number', 'debiteurnummer', 'account number'],
  }),
  field({
    key: 'firstName',
    label: 'First name',
    group: 'identity',
    help: "The customer's first name.",
    aliases: ['first name', 'given name', 'forename', 'voornaam'],
  }),
  field({
    key: 'middleName',
    label: 'Middle name',
    group: 'identity',
    help: 'A middle name or name prefix, e.g. "van" in Jan van Dijk.',
    aliases: ['middle name', 'infix', 'prefix', 'tussenvoegsel'],
  }),
  field({
    key: 'lastName',
    label: 'Last name',
    group: 'identity',
    help: "The customer's last name.",
    aliases: ['last name', 'surname', 'family name', 'achternaam'],
  }),
  field({
    key: 'abbreviation',
    label: 'Initials',
    group: 'identity',
    help: "The customer's initials, e.g. J.P.",
    aliases: ['abbreviation', 'initials', 'voorletters'],
  }),
  field({
    key: 'title',
    label: 'Title',
    group: 'identity',
    help: 'A title such as Dr. or Prof.',
    aliases: ['salutation', 'aanhef'],
  }),
  field({
    key: 'dateOfBirth',
    label: 'Date of birth',
    group: 'identity',
    type: 'date',
    help: 'The birth date as YYYY-MM-DD, e.g. 1985-04-12.',
    aliases: ['birth date', 'birthdate', 'birthday', 'dob', 'geboortedatum'],
  }),
  field({
    key: 'gender',
    label: 'Gender',
    group: 'identity',
    type: 'enum',
    options: GENDERS,
    help: 'M (male), F (female) or U (unknown).',
    aliases: ['sex', 'geslacht'],
  }),
  field({
    key: 'ssn',
    label: 'Social security number',
    group: 'identity',
    help: 'A national identification number, if you keep one (e.g. BSN).',
    aliases: ['ssn', 'bsn', 'national id'],
  }),
  field({
    key: 'email',
    label: 'Email',
    group: 'contact',
    type: 'email',
    help: "The customer's email address, e.g. jan@example.nl.",
    aliases: ['e-mail', 'email address', 'e-mail address', 'mail'],
  }),
  field({
    key: 'phone',
    label: 'Phone',
    group: 'contact',
    help: 'The phone number as you write it, e.g. 030 1234567 or +31 30 123 4567.',
    aliases: ['phone number', 'telephone', 'tel', 'telefoon', 'telefoonnummer'],
  }),
  field({
    key: 'primaryLanguage',
    label: 'Language',
    group: 'other',
    // Not 'locale': that rule wants lower case, and Propeller's own example sends "NL". The two-letter
    // check is in check-record.ts.
    help: 'The customer’s language as a two-letter code such as NL or en. A locale such as nl_NL is accepted; only its language part is sent.',
    aliases: ['primary language', 'locale', 'taal'],
  }),
]

interface AddressPart {
  part: string
  label: string
  type?: FieldType
  options?: readonly string[]
  help: string
  /** Header names that mean this part of the first address only (a sheet with one address). */
  aliases?: readonly string[]
}

const ADDRESS_PARTS: readonly AddressPart[] = [
  {
    part: 'type',
    label: 'type',
    type: 'enum',
    options: ADDRESS_TYPES,
    help: 'delivery or invoice. When no column is mapped, Crosswalk sends "delivery" for the first address and "invoice" for the second.',
    aliases: ['address type'],
  },
  { part: 'code', label: 'code', help: 'Your own unique code for this address, e.g. C-1001-INV.' },
  {
    part: 'company',
    label: 'company',
    help: 'The company name printed on this address.',
    aliases: ['company', 'company name', 'organisation', 'organization', 'bedrijf', 'bedrijfsnaam'],
  },
  { part: 'firstName', label: 'first name', help: 'First name of the person at this address.' },
  { part: 'middleName', label: 'middle name', help: 'Middle name or prefix of the person at this address.' },
  { part: 'lastName', label: 'last name', help: 'Last name of the person at this address.' },
  {
    part: 'gender',
    label: 'gender',
    type: 'enum',
    options: GENDERS,
    help: 'M, F or U for the person at this address; Propeller assumes U when empty.',
  },
  {
    part: 'street',
    label: 'street',
    help: 'The street name (required for an address). The house number may be part of it or go in its own column.',
    aliases: ['street', 'street address', 'address', 'address line 1', 'straat'],
  },
  {
    part: 'number',
    label: 'house number',
    help: 'The house number, e.g. 34.',
    aliases: ['house number', 'number', 'huisnummer'],
  },
  {
    part: 'numberExtension',
    label: 'house number addition',
    help: 'An addition to the house number, e.g. A in 34A.',
    aliases: ['number extension', 'house number addition', 'toevoeging'],
  },
  {
    part: 'postalCode',
    label: 'postal code',
    help: 'The postal code, e.g. 3511 AB.',
    aliases: ['postal code', 'postcode', 'zip', 'zip code'],
  },
  {
    part: 'city',
    label: 'city',
    help: 'The city or town (required for an address).',
    aliases: ['city', 'town', 'plaats', 'woonplaats'],
  },
  {
    part: 'region',
    label: 'region',
    help: 'The state, province or region.',
    aliases: ['region', 'state', 'province', 'provincie'],
  },
  {
    part: 'country',
    label: 'country',
    type: 'enum',
    options: ISO_COUNTRY_CODES,
    help: 'The two-letter ISO country code, e.g. NL, DE or US (required for an address).',
    aliases: ['country', 'country code', 'land'],
  },
  {
    part: 'icp',
    label: 'intra-community (ICP)',
    type: 'enum',
    options: YES_NO,
    help: 'Y when deliveries to this address are intra-community (EU) supplies, otherwise N.',
  },
  { part: 'email', label: 'email', type: 'email', help: 'An email address for this address.' },
  { part: 'phone', label: 'phone', help: 'A phone number for this address.' },
  { part: 'mobile', label: 'mobile', help: 'A mobile number for this address.' },
  { part: 'url', label: 'website', type: 'url', help: 'A web address, e.g. https://example.nl.' },
  { part: 'notes', label: 'notes', help: 'Notes for this address, e.g. delivery instructions.' },
  {
    part: 'isDefault',
    label: 'is default',
    type: 'enum',
    options: YES_NO,
    help: 'Y to make this the customer’s default address of its type, otherwise N.',
  },
]

/** Parts without which Propeller refuses an address ([C], customer-addresses). `type` is filled in. */
export const REQUIRED_ADDRESS_PARTS = ['street', 'city', 'country'] as const

function addressFields(slot: number): ProviderField[] {
  const title = slot === 0 ? 'Address' : 'Second address'
  return ADDRESS_PARTS.map((spec) =>
    field({
      key: `addresses.${slot}.${spec.part}`,
      label: `${title} ${spec.label}`,
      group: 'address',
      type: spec.type,
      options: spec.options,
      help: spec.help,
      // Plain headers such as "City" belong to the first address; the second is always named.
      aliases: slot === 0 ? (spec.aliases ?? []) : [`invoice ${spec.part}`, `billing ${spec.part}`],
    }),
  )
}

export const PROPELLER_FIELDS: readonly ProviderField[] = [
  ...CUSTOMER_FIELDS,
  ...Array.from({ length: ADDRESS_SLOTS }, (_, slot) => addressFields(slot)).flat(),
]
