import { isAsciiLetter } from '../../validation/byte-classes.ts'
import type { ValueRuleOnBytes } from '../types.ts'

/** KUSTOMER_VALUE_RULES as byte checks (ValueRuleOnBytes): the country code's two letters. */
export const KUSTOMER_VALUE_RULES_ON_BYTES: Readonly<Record<string, ValueRuleOnBytes>> = {
  'locations.0.countryCode': (bytes, start, end) =>
    end - start === 2 && isAsciiLetter(bytes[start]!) && isAsciiLetter(bytes[start + 1]!),
}
