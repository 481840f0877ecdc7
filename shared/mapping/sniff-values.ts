// What a column's values look like, judged from a sample of its cells. Used two ways by autoMatch:
// to place a column whose header says nothing ("Contact" full of email addresses), and to doubt a
// header that the values contradict ("Phone" full of email addresses). Both only on clear evidence:
// a column counts as one kind only when nearly all of its non-empty values are of that kind.

export type ValueKind = 'email' | 'phone' | 'date' | 'postcode' | 'country' | 'language' | 'gender'

/** Fewer non-empty values than this prove nothing. */
const MIN_VALUES = 3
/** Share of non-empty values that must agree; the rest may be typos the review step will catch. */
const AGREEMENT = 0.9

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/
const DAY_MONTH_YEAR = /^\d{1,2}[./-]\d{1,2}[./-]\d{4}$/
const YEAR_MONTH_DAY = /^\d{4}[./]\d{1,2}[./]\d{1,2}$/
const PHONE_CHARS = /^(\+|00)?[\d\s().\-/]+$/
// Postcodes with a shape of their own; bare 4- or 5-digit numbers could as well be ids or amounts.
const POSTCODES = [
  /^\d{2}-\d{3}$/, // Poland
  /^\d{4} ?[A-Za-z]{2}$/, // Netherlands
  /^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/, // United Kingdom
  /^\d{5}-\d{4}$/, // United States ZIP+4
  /^\d{3}-\d{4}$/, // Japan
  /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/, // Canada
]
// ISO 3166-1 alpha-2.
const COUNTRY_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW ' +
    'BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI ' +
    'FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN ' +
    'IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME ' +
    'MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF ' +
    'PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
    'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE ' +
    'YT ZA ZM ZW UK'
  ).split(' '),
)
// ISO 639-1.
const LANGUAGE_CODES = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee ' +
    'el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is ' +
    'it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms ' +
    'mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk ' +
    'sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi ' +
    'yo za zh zu'
  ).split(' '),
)
const LOCALE = /^([a-z]{2})[-_]([A-Za-z]{2})$/
const GENDERS = new Set(
  [
    ...['m', 'f', 'male', 'female', 'man', 'woman', 'other', 'unknown'],
    ...['k', 'mężczyzna', 'mezczyzna', 'kobieta'],
    ...['v', 'vrouw', 'man'],
    ...['w', 'männlich', 'weiblich', 'divers'],
    ...['h', 'homme', 'femme'],
    ...['hombre', 'mujer'],
  ].map((value) => value.toLowerCase()),
)

function isPhone(value: string): boolean {
  if (!PHONE_CHARS.test(value)) return false
  const digits = value.replace(/\D/g, '').length
  // A bare run of digits may as well be an id: only an international prefix or separators make a phone.
  // One dot is a decimal point ("12345.67" is an amount); phones written with dots have several.
  const shaped = /^(\+|00)/.test(value) || /[\s()\-/]/.test(value) || value.split('.').length > 2
  return shaped && digits >= 7 && digits <= 15
}

const isDate = (value: string): boolean =>
  ISO_DATE.test(value) || DAY_MONTH_YEAR.test(value) || YEAR_MONTH_DAY.test(value)

/** Kinds a single value could be; codes like `NL` can be a country or a language. */
function kindsOf(value: string): ValueKind[] {
  if (EMAIL.test(value)) return ['email']
  if (isDate(value)) return ['date']
  if (isPhone(value)) return ['phone']
  if (POSTCODES.some((pattern) => pattern.test(value))) return ['postcode']
  const kinds: ValueKind[] = []
  if (GENDERS.has(value.toLowerCase())) kinds.push('gender')
  if (/^[A-Z]{2}$/.test(value) && COUNTRY_CODES.has(value)) kinds.push('country')
  const locale = LOCALE.exec(value)
  if (
    (/^[a-z]{2}$/.test(value) && LANGUAGE_CODES.has(value)) ||
    (locale && LANGUAGE_CODES.has(locale[1]!) && COUNTRY_CODES.has(locale[2]!.toUpperCase()))
  ) {
    kinds.push('language')
  }
  return kinds
}

/**
 * The one kind nearly all of a column's sample values share, or null when the sample is small,
 * mixed, or fits no kind. Gender needs two different values, since a lone "M" or "F" repeated could
 * as well be a size or a grade.
 */
export function sniffValues(values: readonly string[]): ValueKind | null {
  const present = values.map((value) => value.trim()).filter((value) => value !== '')
  if (present.length < MIN_VALUES) return null
  const counts = new Map<ValueKind, number>()
  for (const value of present) {
    for (const kind of kindsOf(value)) counts.set(kind, (counts.get(kind) ?? 0) + 1)
  }
  const agreeing = [...counts].filter(([, count]) => count >= present.length * AGREEMENT)
  if (agreeing.length !== 1) return null
  const [kind] = agreeing[0]!
  if (kind === 'gender' && new Set(present.map((value) => value.toLowerCase())).size < 2) return null
  return kind
}
