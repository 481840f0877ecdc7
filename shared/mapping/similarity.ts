// Typo tolerance for header names. Deliberately strict: a wrong automatic match costs the user more
// (bad data uploaded) than a missed one (one dropdown to set), so only one or two slips of the finger
// in a reasonably long name count, and names that differ in their numbers never do ("Phone 2").

/**
 * Edit distance where swapping two neighbouring letters counts as one edit ("Emial" → "Email"):
 * the optimal-string-alignment form of Damerau-Levenshtein, enough for typing slips.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[] = new Array<number>(rows * cols).fill(0)
  for (let i = 0; i < rows; i++) d[i * cols] = i
  for (let j = 0; j < cols; j++) d[j] = j
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1)
      }
      d[i * cols + j] = best
    }
  }
  return d[rows * cols - 1]!
}

/** How many edits a name of this length may have and still be the same name mistyped. */
function allowedEdits(length: number): number {
  if (length >= 9) return 2
  if (length >= 5) return 1
  return 0
}

/** Below this length a letter more or less is a different word ("Count" and "County"), not a slip. */
const SHORT = 7

const digitsOf = (name: string): string => name.replace(/\D/g, '')

/**
 * Similarity (0..1) of two normalised names when one is plausibly a typo of the other, else 0.
 * Short names are never fuzzy ("Tel" vs "Tag"), and neither are names whose digits differ.
 */
export function typoSimilarity(a: string, b: string): number {
  if (a === b) return 1
  if (digitsOf(a) !== digitsOf(b)) return 0
  const longest = Math.max(a.length, b.length)
  const allowed = allowedEdits(Math.min(a.length, b.length))
  if (allowed === 0 || Math.abs(a.length - b.length) > allowed) return 0
  // Short names may only have letters swapped or mistyped in place, and not the first one.
  if (Math.min(a.length, b.length) < SHORT && (a.length !== b.length || a[0] !== b[0])) return 0
  const distance = editDistance(a, b)
  return distance <= allowed ? 1 - distance / longest : 0
}
