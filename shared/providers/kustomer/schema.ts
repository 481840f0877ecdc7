import type { ProviderField } from '../types.ts'

// Kustomer's customer object as Crosswalk maps onto it (seed 000: the bulk customer schema). Kustomer
// documents no required customer field, so nothing here is required; help texts paraphrase
// developer.kustomer.com. Lists take one entry per row (emails and phones two): key `emails.0.email`
// is the first email's address, `emails.0.type` its kind, `emails.1.email` a second address.
//
// Left out on purpose: `company` is a Kustomer company *id*, not a name, and sending a name there
// would be refused (or unlink the customer on update); `externalIds`, `shared*` lists, `facebookIds`
// and `rev` are managed by Kustomer and integrations, not spreadsheets.

export { CUSTOM_SUFFIXES, KUSTOMER_CUSTOM } from './custom-attributes.ts'

export const EMAIL_TYPES = ['home', 'work', 'other'] as const
export const PHONE_TYPES = ['mobile', 'home', 'work', 'fax', 'other'] as const
export const LOCATION_TYPES = ['home', 'work', 'other'] as const
export const SOCIAL_TYPES = ['twitter', 'facebook', 'instagram', 'linkedin', 'pinterest'] as const
export const URL_TYPES = ['website', 'blog', 'other'] as const
export { GENDERS } from './values.ts'
export const POLARITIES = ['-1', '0', '1'] as const

/** Kustomer's date-time fields that Crosswalk fills from a date or date-and-time column. */
const DATES: readonly (readonly [key: string, label: string, help: string, aliases: readonly string[]])[] = [
  [
    'birthdayAt',
    'Birthday',
    "The customer's date of birth, e.g. 1990-05-01.",
    ['date of birth', 'birth date', 'birthdate', 'dob', 'born'],
  ],
  [
    'signedUpAt',
    'Signed up',
    'When the customer signed up with your business, e.g. 2024-03-01 or 2024-03-01T09:30:00Z.',
    ['signup date', 'sign up date', 'registration date', 'registered', 'customer since', 'member since'],
  ],
  [
    'lastActivityAt',
    'Last activity',
    'When the customer was last active, e.g. 2024-03-01T09:30:00Z.',
    ['last activity date', 'last active'],
  ],
  [
    'lastSeenAt',
    'Last seen',
    'When the customer was last seen, e.g. 2024-03-01T09:30:00Z.',
    ['last seen date', 'last login', 'last visit'],
  ],
  [
    'createdAt',
    'Created',
    'When the customer was created in your own system, e.g. 2024-03-01T09:30:00Z.',
    ['created at', 'creation date', 'date created'],
  ],
  [
    'importedAt',
    'Imported',
    'When the customer was imported, e.g. 2024-03-01T09:30:00Z.',
    ['imported at', 'import date'],
  ],
]

const typeField = (key: string, label: string, options: readonly string[], what: string): ProviderField => ({
  key,
  label,
  group: 'contact',
  type: 'enum',
  required: false,
  help: `What kind of ${what} this is: one of ${options.join(', ')}.`,
  aliases: [],
  options,
})

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
    help: 'Your own id for this customer (e.g. from your CRM). Crosswalk uses it to find the customer in Kustomer and update it instead of creating a second one.',
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
    key: 'username',
    label: 'Username',
    group: 'identity',
    type: 'text',
    required: false,
    help: "The customer's user name in your own product.",
    aliases: ['user name', 'login', 'handle'],
    maxLength: 1024,
  },
  {
    key: 'emails.0.email',
    label: 'Email',
    group: 'contact',
    type: 'email',
    required: false,
    help: "The customer's email address, e.g. name@example.com. Kustomer uses it to match incoming emails to this customer; rows without an External ID are matched to existing customers by it.",
    aliases: ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'primary email', 'work email'],
  },
  typeField('emails.0.type', 'Email type', EMAIL_TYPES, 'email address'),
  {
    key: 'emails.1.email',
    label: 'Second email',
    group: 'contact',
    type: 'email',
    required: false,
    help: 'Another email address of the same customer, e.g. a private one next to the work one. Kustomer matches incoming emails from it to this customer too.',
    aliases: [
      'second email',
      'email 2',
      'secondary email',
      'other email',
      'alternative email',
      'private email',
    ],
  },
  typeField('emails.1.type', 'Second email type', EMAIL_TYPES, 'second email address'),
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
  typeField('phones.0.type', 'Phone type', PHONE_TYPES, 'phone number'),
  {
    key: 'phones.1.phone',
    label: 'Second phone',
    group: 'contact',
    type: 'phone',
    required: false,
    help: 'Another phone number of the same customer, in international format, e.g. +14155550101.',
    aliases: ['second phone', 'phone 2', 'secondary phone', 'other phone', 'alternative phone'],
  },
  typeField('phones.1.type', 'Second phone type', PHONE_TYPES, 'second phone number'),
  {
    key: 'locations.0.address',
    label: 'Street',
    group: 'address',
    type: 'text',
    required: false,
    help: 'Street and house number, e.g. 1 Main St.',
    aliases: ['street', 'address', 'street address', 'address line 1', 'address 1', 'line 1'],
  },
  {
    key: 'locations.0.address2',
    label: 'Address line 2',
    group: 'address',
    type: 'text',
    required: false,
    help: 'Apartment, suite or building, if any.',
    aliases: ['address 2', 'line 2', 'apartment', 'suite'],
  },
  {
    key: 'locations.0.cityName',
    label: 'City',
    group: 'address',
    type: 'text',
    required: false,
    help: 'The city or town, e.g. Springfield.',
    aliases: ['city', 'town', 'locality'],
  },
  {
    key: 'locations.0.regionName',
    label: 'State or region',
    group: 'address',
    type: 'text',
    required: false,
    help: 'The state, province or region, e.g. Illinois or IL.',
    aliases: ['state', 'region', 'province', 'county'],
  },
  {
    key: 'locations.0.regionCode',
    label: 'State or region code',
    group: 'address',
    type: 'text',
    required: false,
    help: 'The short code of the state, province or region, e.g. IL or ON.',
    aliases: ['state code', 'region code', 'province code'],
  },
  {
    key: 'locations.0.zipCode',
    label: 'Postal code',
    group: 'address',
    type: 'text',
    required: false,
    help: 'The postal or ZIP code, e.g. 62701.',
    aliases: ['postal code', 'postcode', 'zip', 'zip code'],
  },
  {
    key: 'locations.0.countryCode',
    label: 'Country code',
    group: 'address',
    type: 'text',
    required: false,
    help: 'The two-letter country code, e.g. US, PL or DE. Map a column of country names to "Country name" instead.',
    aliases: ['country', 'country code', 'country iso'],
  },
  {
    key: 'locations.0.countryName',
    label: 'Country name',
    group: 'address',
    type: 'text',
    required: false,
    help: 'The country written out, e.g. United States.',
    aliases: ['country name'],
  },
  { ...typeField('locations.0.type', 'Address type', LOCATION_TYPES, 'address'), group: 'address' },
  {
    key: 'socials.0.username',
    label: 'Social profile',
    group: 'contact',
    type: 'text',
    required: false,
    help: 'The user name of a social media profile, e.g. @acme. Also map "Social network" to say which network it is on.',
    aliases: ['social', 'social profile', 'social handle'],
  },
  {
    ...typeField('socials.0.type', 'Social network', SOCIAL_TYPES, 'social profile'),
    help: `The network of the social profile: one of ${SOCIAL_TYPES.join(', ')}.`,
    aliases: ['social network'],
  },
  {
    key: 'urls.0.url',
    label: 'Website',
    group: 'contact',
    type: 'url',
    required: false,
    help: 'A web address for the customer, e.g. https://example.com.',
    aliases: ['website', 'web site', 'url', 'homepage', 'web'],
  },
  typeField('urls.0.type', 'Website type', URL_TYPES, 'web address'),
  {
    key: 'locale',
    label: 'Locale',
    group: 'other',
    type: 'locale',
    required: false,
    help: "The customer's language, with an optional country, e.g. en_US or pl. Kustomer uses it for replies and satisfaction surveys.",
    aliases: ['language', 'lang', 'preferred language', 'language code', 'locale code'],
  },
  {
    key: 'timeZone',
    label: 'Time zone',
    group: 'other',
    type: 'text',
    required: false,
    help: "The customer's time zone as a region name, e.g. America/Chicago or Europe/Warsaw.",
    aliases: ['timezone', 'tz'],
  },
  {
    // Text rather than `enum`: the generic choice check only forgives letter case, and spreadsheets
    // say "Female" or "male" far more often than "f". checks.ts accepts those words and
    // build-customer.ts sends them as Kustomer's "m" / "f" (see GENDER_WORDS in values.ts).
    key: 'gender',
    label: 'Gender',
    group: 'other',
    type: 'text',
    required: false,
    suggestedValues: ['m', 'f'],
    help: 'The customer\'s gender as Kustomer records it: "m" or "f" ("male" and "female" are accepted and sent as m and f).',
    aliases: ['sex'],
  },
  ...DATES.map(([key, label, help, aliases]): ProviderField => ({
    key,
    label,
    group: 'other',
    type: 'datetime',
    required: false,
    help,
    aliases,
  })),
  {
    key: 'sentiment.polarity',
    label: 'Sentiment',
    group: 'other',
    type: 'enum',
    required: false,
    help: 'How the customer feels: -1 negative, 0 neutral, 1 positive. Kustomer also needs "Sentiment confidence".',
    aliases: ['sentiment polarity'],
    options: POLARITIES,
  },
  {
    key: 'sentiment.confidence',
    label: 'Sentiment confidence',
    group: 'other',
    type: 'number',
    required: false,
    help: 'How sure the sentiment is, as a number, e.g. 0.8. Kustomer needs it together with "Sentiment".',
    aliases: [],
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
]
