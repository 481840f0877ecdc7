import type { FieldIssue } from '#shared/providers/types.ts'
import { hashBytes } from './identity-hash.ts'

// Values repeat down a column (first names, cities, countries, dates, and the same mistake in every
// row), and a value's issues depend on nothing else. So the verdict on a value its bytes could not
// settle — which costs making its string and running the field's checks — is kept by its bytes, and
// the next cell with the same bytes reuses it without making a string. Fixed in size, with a few
// slots to try per value: a column of a few hundred distinct values (dates, cities) is kept whole,
// where one slot per value lost about 2% of lookups to values sharing a slot (measured on the bench
// file's dates), and each lost lookup costs a string and a message. A column of unique values
// (emails) just keeps missing, at the cost of a hash, until it is no longer asked.

const SLOTS = 4096
/** Slots tried for a value, from its own on; the last is given up when all are taken. */
const PROBES = 4

export class VerdictCache {
  private readonly bytes: Uint8Array
  private readonly hashes = new Int32Array(SLOTS)
  private readonly starts = new Uint32Array(SLOTS)
  /** Byte length of the value in each slot; -1 for an empty slot. */
  private readonly lengths = new Int32Array(SLOTS).fill(-1)
  private readonly verdicts = new Array<readonly FieldIssue[] | undefined>(SLOTS)
  /** The slot and hash of the last lookup, where `set` keeps its verdict. */
  private slot = 0
  private hash = 0
  private lookups = 0
  private hits = 0

  /** `bytes`: the file, which every range given here points into. */
  constructor(bytes: Uint8Array) {
    this.bytes = bytes
  }

  /**
   * Whether asking is worth its hash: a column of unique values (emails, ids) is not asked again once
   * its first few thousand cells found next to nothing.
   */
  private get useful(): boolean {
    return this.lookups < 4096 || this.hits * 8 >= this.lookups
  }

  /** The verdict on the value with the bytes [start, end), if one was kept. */
  get(start: number, end: number): readonly FieldIssue[] | undefined {
    if (!this.useful) {
      this.slot = -1
      return undefined
    }
    const { bytes, hashes, lengths } = this
    const hash = hashBytes(bytes, start, end)
    const home = hash ^ (hash >>> 12)
    const length = end - start
    this.hash = hash
    this.lookups++
    for (let probe = 0; probe < PROBES; probe++) {
      const slot = (home + probe) & (SLOTS - 1)
      this.slot = slot
      if (lengths[slot] === -1) return undefined // free: `set` keeps the verdict here
      if (hashes[slot] !== hash || lengths[slot] !== length) continue
      if (!this.sameBytes(this.starts[slot]!, start, length)) continue
      this.hits++
      return this.verdicts[slot]
    }
    return undefined // every slot tried is taken: `set` replaces the last
  }

  private sameBytes(kept: number, start: number, length: number): boolean {
    const { bytes } = this
    for (let i = 0; i < length; i++) if (bytes[kept + i] !== bytes[start + i]) return false
    return true
  }

  /** Keeps the verdict on the value last asked about with `get` (which was not kept). */
  set(start: number, end: number, verdict: readonly FieldIssue[]): void {
    const { slot } = this
    if (slot === -1) return // not worth keeping
    this.hashes[slot] = this.hash
    this.starts[slot] = start
    this.lengths[slot] = end - start
    this.verdicts[slot] = verdict
  }
}
