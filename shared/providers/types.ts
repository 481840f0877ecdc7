import type { Message } from '../i18n/message.ts'
import type { ProviderId } from '../ids.ts'

// A provider is a plugin: this folder's pure half (schema, limits, request builder, response parser)
// plus a transport and a sandbox in `electron/engine/`. Everything here is plain data and pure
// functions, so the renderer, the engine and the tests all use the same definitions.

export type FieldGroup = 'identity' | 'contact' | 'address' | 'custom' | 'other'

/** How a cell's text is checked and turned into the provider's value (see shared/validation/rules.ts). */
export type FieldType =
  | 'text'
  | 'email'
  | 'phone'
  | 'locale'
  | 'list'
  | 'number'
  | 'integer'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'url'
  | 'enum'

export interface ProviderField {
  /** Stable key used in mappings and mapped records, e.g. `externalId` or `emails.0.email`. */
  key: string
  label: string
  group: FieldGroup
  type: FieldType
  required: boolean
  /** One sentence a non-developer understands, from the provider's documentation. */
  help: string
  /** Other header names that mean this field, compared after normalisation (case, accents, punctuation). */
  aliases: readonly string[]
  maxLength?: number
  /** For `enum` fields: the values the provider accepts, exactly as sent. */
  options?: readonly string[]
  /**
   * For a text field that understands some values best (Kustomer's gender: m, f): the values a value
   * map should suggest for the file's own words ("weiblich" → f), though others are accepted too.
   */
  suggestedValues?: readonly string[]
  /** The field's name in the provider's own language when it is not English (Thulium: Polish). */
  nativeLabel?: string
}

/** Provider custom fields made from columns the schema has no field for (e.g. Kustomer `custom.*Str`). */
export interface CustomFieldSpec {
  label: string
  help: string
  /**
   * Turns a column header into the record key of a custom field, e.g. `Loyalty tier` →
   * `custom.loyaltyTierStr`; `type` is one of `types` (the first when omitted).
   */
  keyFor(header: string, type?: string): string
  /** The types a custom field can be given, when the provider spells the type in its name (Kustomer). */
  types?: readonly { value: string; label: string }[]
  /** The type (one of `types`) a custom field key declares. */
  typeOf?(key: string): string | undefined
  /** Whether a record key belongs to this provider's custom fields. */
  owns(key: string): boolean
  maxLength: number
  /**
   * The checks of checkRecord on one custom field's value, for a key this spec owns (null: none; its
   * length is checked by validateRecord for every custom field). checkRecord reads custom fields'
   * values only through these, as it reads other fields' through `ProviderDefinition.valueRules`.
   */
  valueRule?(key: string): ValueRule | null
}

export type Severity = 'error' | 'warning'

export interface FieldIssue {
  /** Record key of the field the issue is about. */
  field: string
  severity: Severity
  /** Machine name of the rule, e.g. `email`, `required`; used to group issues. */
  rule: string
  /**
   * What is wrong and what to do, for a non-developer: kept as a catalog key and its values (checks run
   * on every row of a million-row file; a sentence is made only where a person reads it, with
   * `formatMessage`, in the language chosen then).
   */
  message: Message
}

/** One check of one field's value (a trimmed, non-empty cell text): its issues, none when it is fine. */
export type ValueRule = (value: string) => FieldIssue[]

/**
 * A value rule asked of the UTF-8 bytes [start, end) of a cell that needs no trimming and has no
 * escaped quotes: true only when the rule would find nothing wrong with the text they spell; false
 * when it would, or when the bytes are unusual (past ASCII, say) and the text should be asked.
 */
export type ValueRuleOnBytes = (bytes: Uint8Array, start: number, end: number) => boolean

/** Values of one source row after mapping: record key → text (already trimmed; empty cells omitted). */
export type MappedRecord = Readonly<Record<string, string>>

export interface ProviderLimits {
  maxItemsPerRequest: number
  maxBodyBytes: number
}

export type RowStatus = 'created' | 'updated' | 'skipped' | 'failed'

/** The final word on one source row. `row` is the 1-based row number in the source file. */
export interface RowOutcome {
  row: number
  status: RowStatus
  id?: string
  /** Why, in the words of the time: the provider's reason, or Crosswalk's sentence about the row. */
  message?: string
  /**
   * Crosswalk's sentence in `message` kept as a catalog key and values (`sentence()` makes both), so
   * the results say it in the language chosen when they are read. Absent for older journals.
   */
  said?: Message
  /** What the provider accepted but remarked on (e.g. Capillary warnings): shown, not a failure. */
  warnings?: string[]
}

/** One input of a provider's connection form. `secret` values are stored encrypted and never shown again. */
export interface ConnectionField {
  key: string
  label: string
  kind: 'text' | 'secret' | 'url' | 'choice'
  required: boolean
  /** One sentence on where to find this value in the provider's admin screens. */
  help: string
  placeholder?: string
  /** For `choice`: the values offered (e.g. regions, clusters). */
  choices?: readonly { value: string; label: string }[]
  default?: string
}

export type ConnectionSettings = Readonly<Record<string, string>>

export interface ConnectionSpec {
  fields: readonly ConnectionField[]
  /** The API base URL these (non-secret) settings point at, e.g. a subdomain → `https://acme.thulium.com`. */
  baseUrl(settings: ConnectionSettings): string
}

export interface ProviderDefinition {
  id: ProviderId
  displayName: string
  /** One line shown when choosing a provider. */
  tagline: string
  fields: readonly ProviderField[]
  /** BCP 47 language of the fields' `nativeLabel`s (e.g. `pl`), so screen readers pronounce them right. */
  nativeLanguage?: string
  custom: CustomFieldSpec | null
  limits: ProviderLimits
  connection: ConnectionSpec
  /** Provider-specific checks on top of the per-field ones (`validateRecord` in shared/validation runs both). */
  checkRecord?(record: MappedRecord): FieldIssue[]
  /**
   * The checks of checkRecord that look at one field's value, by record key: each returns the issues
   * of that value alone (none when it is fine). checkRecord reports these too, by calling them, and
   * reads no value in any other way: everything else it decides depends only on which fields a record
   * has. Whole-file validation relies on that to judge most rows without building their record.
   * Custom fields (`custom.owns(key)`) have theirs in `custom.valueRule`.
   */
  valueRules?: Readonly<Record<string, ValueRule>>
  /**
   * Some value rules again, as byte checks (ValueRuleOnBytes), so whole-file validation need not make
   * a string of every cell of those columns; a test holds each to its rule over awkward values.
   */
  valueRulesOnBytes?: Readonly<Record<string, ValueRuleOnBytes>>
  /**
   * What the upload would send for this one row with these (non-secret) connection settings, built by
   * the same functions the engine's transport uses, so a preview can never drift from the wire.
   * Every provider in the registry has one (each is a `CompleteProviderDefinition`); it is optional only
   * so hand-made test definitions need not spell one out.
   */
  previewPayload?(record: MappedRecord, settings: ConnectionSettings, row: number): PayloadPreview
  /**
   * Which fields tell the provider which customer a row is, in the order it looks them up: two rows
   * of one file with the same value there are the same customer (see shared/providers/identity.ts).
   */
  identity?: CustomerIdentity
}

/** The record keys a provider finds an existing customer by; the first one a row has is the one used. */
export interface CustomerIdentity {
  fields: readonly string[]
}

/** A provider as the registry holds it: what hand-made test definitions may leave out is all there. */
export type CompleteProviderDefinition = ProviderDefinition &
  Required<Pick<ProviderDefinition, 'previewPayload' | 'identity'>>

/** One row's request as it would go out: shown to the person before uploading (the mapping screen). */
export interface PayloadPreview {
  /** Method and path, e.g. `POST /v1/customers/bulk`. */
  request: string
  /**
   * The body exactly as sent, with this row as the only customer inside the provider's envelope
   * (a JSON array or object), or, for form-encoded requests, the form fields in order as an object.
   */
  body: unknown
  /** `json` or `form` (application/x-www-form-urlencoded). */
  encoding: 'json' | 'form'
  /** One sentence on how the request can differ at upload time (e.g. an existing customer is updated). */
  note?: string
  /** Why this row would not be sent at all with these settings; `body` then shows nothing sendable. */
  refused?: string
}
