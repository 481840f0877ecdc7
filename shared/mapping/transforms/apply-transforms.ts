import { parseDate } from './date.ts'
import { normalisePhone } from './phone.ts'
import { changeCase, collapseSpaces, namePart, splitPart } from './text.ts'
import type { Transform } from './transform.ts'
import { compileValueMap } from './value-map.ts'

export type ValueTransform = (value: string) => string

/** One transform as a function; value maps are turned into a lookup once, not per row. */
function compileTransform(transform: Transform): ValueTransform {
  switch (transform.kind) {
    case 'collapseSpaces':
      return collapseSpaces
    case 'case':
      return (value) => changeCase(value, transform.style)
    case 'namePart':
      return (value) => namePart(value, transform.part)
    case 'splitPart':
      return (value) => splitPart(value, transform.separator, transform.index)
    case 'phone':
      return (value) => normalisePhone(value, transform.country)
    case 'date':
      return (value) => parseDate(value, transform.order)
    case 'valueMap':
      return compileValueMap(transform.values)
  }
}

/** The transforms of a mapping, in order, as one function. */
export function compileTransforms(transforms: readonly Transform[]): ValueTransform {
  const steps = transforms.map(compileTransform)
  if (steps.length === 0) return (value) => value
  return (value) => {
    let result = value
    for (const step of steps) result = step(result)
    return result
  }
}
