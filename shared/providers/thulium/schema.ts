import type { CustomFieldSpec, FieldGroup, FieldType, ProviderField } from '../types.ts'

// Thulium's customer object (seed 003, `POST /api/batch/customers`) as Crosswalk maps onto it.
// Thulium is a Polish product and its documentation is in Polish: labels are English, the Polish
// names from the documentation are kept in `nativeLabel`, and the aliases accept the Polish column
// names a Thulium export or a Polish spreadsheet uses. Record keys are Thulium's own JSON paths,
// so `address.city` is sent as `{"address": {"city": …}}`.

interface FieldSpec {
  key: string
  label: string
  nativeLabel: string
  group: FieldGroup
  type?: FieldType
  required?: boolean
  help: string
  aliases: readonly string[]
}

function field(spec: FieldSpec): ProviderField {
  return { ...spec, type: spec.type ?? 'text', required: spec.required ?? false }
}

const PERSON_FIELDS: readonly ProviderField[] = [
  field({
    key: 'identifier',
    label: 'Customer identifier',
    nativeLabel: 'Identyfikator klienta',
    group: 'identity',
    help: 'Your own number for this customer (e.g. from your CRM). Crosswalk looks customers up by it, so uploading the file again updates them instead of creating duplicates.',
    aliases: [
      'customer id',
      'customer number',
      'external id',
      'client id',
      'crm id',
      'account number',
      'id',
      'identyfikator',
      'id klienta',
      'numer klienta',
      'nr klienta',
    ],
  }),
  field({
    key: 'name',
    label: 'First name',
    nativeLabel: 'Imię',
    group: 'identity',
    help: "The customer's first name.",
    aliases: ['first name', 'given name', 'forename', 'firstname', 'imię', 'imie'],
  }),
  field({
    key: 'surname',
    label: 'Last name',
    nativeLabel: 'Nazwisko',
    group: 'identity',
    required: true,
    help: "The customer's last name. Thulium requires it for every new customer; for a company, put its name here.",
    aliases: ['last name', 'family name', 'lastname', 'nazwisko'],
  }),
  field({
    key: 'email',
    label: 'Email',
    nativeLabel: 'Adres e-mail',
    group: 'contact',
    type: 'email',
    help: "The customer's email address, e.g. jan.kowalski@example.com.",
    aliases: ['e-mail', 'email address', 'e-mail address', 'mail', 'adres e-mail', 'adres email'],
  }),
  field({
    key: 'phone_number',
    label: 'Phone',
    nativeLabel: 'Numer telefonu',
    group: 'contact',
    help: 'The phone number as digits, optionally with the country code, e.g. 48555666777. Spaces, dashes and a leading + are removed before sending.',
    aliases: [
      'phone number',
      'telephone',
      'tel',
      'mobile',
      'mobile phone',
      'telefon',
      'numer telefonu',
      'nr telefonu',
      'telefon komórkowy',
      'komórka',
    ],
  }),
  field({
    key: 'gender',
    label: 'Gender',
    nativeLabel: 'Płeć',
    group: 'identity',
    help: "The customer's gender, written as your Thulium system expects it.",
    aliases: ['sex', 'płeć', 'plec'],
  }),
  field({
    key: 'birthdate',
    label: 'Date of birth',
    nativeLabel: 'Data urodzenia',
    group: 'identity',
    type: 'date',
    help: 'The date of birth as YYYY-MM-DD, e.g. 1985-04-12.',
    aliases: ['birth date', 'birthday', 'dob', 'data urodzenia'],
  }),
  field({
    key: 'pesel',
    label: 'PESEL number',
    nativeLabel: 'Numer PESEL',
    group: 'identity',
    help: 'The Polish national identification number (11 digits).',
    aliases: ['pesel', 'numer pesel', 'nr pesel'],
  }),
  field({
    key: 'vip',
    label: 'VIP',
    nativeLabel: 'VIP',
    group: 'other',
    type: 'boolean',
    help: 'Whether the customer is marked as VIP in Thulium: yes/no, tak/nie, true/false or 1/0.',
    aliases: ['vip customer', 'klient vip'],
  }),
]

const COMPANY_FIELDS: readonly ProviderField[] = [
  field({
    key: 'job',
    label: 'Workplace',
    nativeLabel: 'Miejsce pracy',
    group: 'other',
    help: 'Where the customer works, as text (e.g. the company name). To link the customer to a company record in Thulium use Company ID instead.',
    aliases: ['company', 'company name', 'employer', 'organisation', 'organization', 'firma', 'nazwa firmy'],
  }),
  field({
    key: 'job_title',
    label: 'Job title',
    nativeLabel: 'Stanowisko',
    group: 'other',
    help: "The customer's position at work, e.g. Office manager.",
    aliases: ['position', 'title', 'role', 'stanowisko'],
  }),
  field({
    key: 'company_id',
    label: 'Company ID',
    nativeLabel: 'Identyfikator firmy',
    group: 'other',
    type: 'integer',
    help: 'The number of an existing company in Thulium to link this customer to (see the company in Thulium CRM). Not the company name.',
    aliases: ['company number', 'id firmy', 'identyfikator firmy'],
  }),
  field({
    key: 'nip',
    label: 'Tax ID (NIP)',
    nativeLabel: 'NIP',
    group: 'other',
    help: 'The Polish tax identification number, e.g. 1234563218.',
    aliases: ['nip', 'tax id', 'vat id', 'vat number', 'numer nip'],
  }),
  field({
    key: 'type',
    label: 'Customer type',
    nativeLabel: 'Typ klienta',
    group: 'other',
    help: 'The name of a customer type that already exists in your Thulium system, spelled exactly as there (e.g. Klient detaliczny).',
    aliases: ['typ', 'typ klienta', 'client type'],
  }),
  field({
    key: 'group',
    label: 'Customer group',
    nativeLabel: 'Grupa klienta',
    group: 'other',
    help: 'The name of a customer group that already exists in your Thulium system, spelled exactly as there.',
    aliases: ['grupa', 'grupa klienta', 'client group'],
  }),
  field({
    key: 'account_manager',
    label: 'Account manager login',
    nativeLabel: 'Login opiekuna klienta',
    group: 'other',
    help: 'The Thulium login of the agent who looks after this customer.',
    aliases: ['account manager', 'owner', 'opiekun', 'opiekun klienta'],
  }),
  field({
    key: 'homepage',
    label: 'Website',
    nativeLabel: 'Strona WWW',
    group: 'contact',
    type: 'url',
    help: "The customer's web address, starting with https://.",
    aliases: ['homepage', 'web site', 'www', 'url', 'strona www', 'strona internetowa'],
  }),
  field({
    key: 'note',
    label: 'Note',
    nativeLabel: 'Notatka',
    group: 'other',
    help: 'Free text kept with the customer in Thulium.',
    aliases: ['notes', 'comment', 'comments', 'notatka', 'uwagi'],
  }),
]

/** The six parts of each of Thulium's three address objects, in the documentation's order. */
const ADDRESS_PARTS = [
  {
    part: 'street',
    label: 'Street',
    native: 'Ulica',
    aliases: ['street address', 'address', 'ulica', 'adres'],
  },
  {
    part: 'building',
    label: 'Building number',
    native: 'Numer budynku',
    aliases: ['house number', 'nr domu', 'numer domu', 'budynek'],
  },
  {
    part: 'flat',
    label: 'Flat number',
    native: 'Numer mieszkania',
    aliases: ['apartment', 'apartment number', 'nr mieszkania', 'lokal'],
  },
  {
    part: 'postcode',
    label: 'Postal code',
    native: 'Kod pocztowy',
    aliases: ['postcode', 'zip', 'zip code', 'kod pocztowy', 'kod'],
  },
  { part: 'city', label: 'City', native: 'Miasto', aliases: ['town', 'miasto', 'miejscowość'] },
  { part: 'country', label: 'Country', native: 'Kraj', aliases: ['kraj', 'państwo'] },
] as const

const ADDRESSES = [
  { key: 'address', label: '', native: '', prefixes: [''], what: "The customer's address" },
  {
    key: 'invoice_address',
    label: 'Invoice address: ',
    native: 'Adres do faktur: ',
    prefixes: ['invoice ', 'billing ', 'faktura ', 'adres do faktur '],
    what: 'The address for invoices',
  },
  {
    key: 'mail_drop_address',
    label: 'Mailing address: ',
    native: 'Adres korespondencyjny: ',
    prefixes: ['mailing ', 'correspondence ', 'postal ', 'korespondencja ', 'adres korespondencyjny '],
    what: 'The address for letters, when it differs from the main one',
  },
] as const

function addressFields(): ProviderField[] {
  return ADDRESSES.flatMap((address) =>
    ADDRESS_PARTS.map((part) =>
      field({
        key: `${address.key}.${part.part}`,
        label: `${address.label}${address.label ? part.label.toLowerCase() : part.label}`,
        nativeLabel: `${address.native}${address.native ? part.native.toLowerCase() : part.native}`,
        group: 'address',
        help: `${address.what}: ${part.label.toLowerCase()}.`,
        // Only the main address takes the plain names ("City", "Miasto"); the others need a prefix.
        aliases: address.prefixes.flatMap((prefix) =>
          [part.label.toLowerCase(), ...part.aliases].map((alias) => `${prefix}${alias}`),
        ),
      }),
    ),
  )
}

export const THULIUM_FIELDS: readonly ProviderField[] = [
  ...PERSON_FIELDS,
  ...COMPANY_FIELDS,
  ...addressFields(),
]

export const CUSTOM_FIELDS_PREFIX = 'custom_fields.'

/**
 * Thulium's custom fields are keyed by their name as shown in Thulium, so the column header is used
 * as it is (trimmed). Thulium creates a custom field that does not exist yet, so a misspelt header
 * makes a new, unwanted field: the help says so.
 */
export const THULIUM_CUSTOM: CustomFieldSpec = {
  label: 'Custom field (pole specjalne)',
  help: 'A column with no matching Thulium field, saved in the custom field with the same name as the column. Thulium creates the field if it does not exist, so check the column name is spelled exactly as in Thulium.',
  keyFor: (header) => `${CUSTOM_FIELDS_PREFIX}${header.trim().replace(/\s+/g, ' ') || 'Pole'}`,
  owns: (key) => key.startsWith(CUSTOM_FIELDS_PREFIX) && key.length > CUSTOM_FIELDS_PREFIX.length,
  // Not documented [G]: a conservative cap that fits a text column in most CRMs.
  maxLength: 1000,
  // Only its length is checked (validateRecord): checkRecord reads no custom field's value.
  valueRule: () => null,
}
