/**
 * Rows of one file grouped by customer identity (shared/providers/identity.ts), kept current one row at
 * a time: an edit or an exclusion moves just that row, so a fix never costs another pass over the file.
 * Excluded rows and rows without an identity are not in any group.
 *
 * Rows are filed by a 32-bit hash of their identity key (fast-path/identity-hash.ts) in an
 * open-addressing table of typed arrays — hash and row side by side, so finding a row's twin is
 * mostly one memory read — and two rows are compared for real (`sameCustomer`) only when their hashes
 * are equal. Nearly every customer appears once, so a million-row file costs a few typed arrays
 * instead of a million strings in a Map (that Map was a fifth of validation's time and most of its
 * memory).
 */
export class DuplicateIndex {
  /** Identity hash per row index; meaningful where `filed` is 1. */
  private hashes: Int32Array
  private filed: Uint8Array
  /** Slot pairs [hash, row index + 1]; a row of 0 is an empty slot, REMOVED a slot left by a row. */
  private slots: Int32Array
  private readonly slotBits: number
  /** Rows filed and slots left by removed rows: the table is rebuilt before they fill it. */
  private live = 0
  private removed = 0
  /** The group of every row that has one: rows of one customer, ascending, at least two. */
  private readonly groupOfRow = new Map<number, number[]>()
  private groupCount = 0
  private readonly sameCustomer: (a: number, b: number) => boolean

  /** `sameCustomer(a, b)`: whether two rows whose hashes are equal really have the same identity key. */
  constructor(rowCount: number, sameCustomer: (a: number, b: number) => boolean) {
    this.hashes = new Int32Array(rowCount)
    this.filed = new Uint8Array(rowCount)
    // At most half full with every row filed, so probes stay short.
    let bits = 4
    while (1 << bits < rowCount * 2) bits++
    this.slotBits = bits
    this.slots = new Int32Array(2 << bits)
    this.sameCustomer = sameCustomer
  }

  /**
   * Files a row under the hash of its (new) identity key, or takes it out of every group with null.
   * Always re-files: an edit may change the key and keep the hash.
   */
  set(index: number, hash: number | null): void {
    if (this.filed[index] === 1) this.remove(index)
    if (hash !== null) this.add(index, hash | 0)
  }

  /** The group of a row (ascending indexes, at least two), or null when it is the only row of its customer. */
  groupOf(index: number): readonly number[] | null {
    return this.groupOfRow.get(index) ?? null
  }

  /** Every group, ordered by its first row. */
  groups(): (readonly number[])[] {
    const groups: number[][] = []
    for (const [row, group] of this.groupOfRow) if (group[0] === row) groups.push(group)
    return groups.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))
  }

  get counts(): { groups: number; rows: number } {
    return { groups: this.groupCount, rows: this.groupOfRow.size }
  }

  /**
   * Files many rows at once, into an empty index: `hashes[index]` for each row whose `has[index]` is
   * 1 (both arrays, of the index's row count, are the index's from then on). A million rows filed one by one land on random slots of a table larger than the processor's
   * caches, a miss each; sorted by their first slot first (two radix passes) they are written in
   * table order, and rows with the same hash meet as neighbours.
   */
  fileAll(hashes: Int32Array, has: Uint8Array): void {
    // Kept, not copied: the caller hands them over (a million rows are 5 MB).
    this.hashes = hashes
    this.filed = has
    let count = 0
    for (let index = 0; index < has.length; index++) count += has[index]!
    const byHome = { hashes: new Int32Array(count), rows: new Int32Array(count) }
    for (let index = 0, at = 0; index < has.length; index++) {
      if (has[index] !== 1) continue
      byHome.hashes[at] = hashes[index]!
      byHome.rows[at++] = index
    }
    this.sortByHome(byHome)
    const { slots } = this
    const size = 1 << this.slotBits
    /** Every slot from the current row's home up to here is taken (rows come in home order). */
    let cursor = 0
    const wrapped: number[] = []
    for (let at = 0; at < count; at++) {
      const hash = byHome.hashes[at]!
      const index = byHome.rows[at]!
      const home = this.home(hash)
      if (cursor < home) cursor = home
      if (cursor >= size) {
        wrapped.push(index) // past the end of the table: filed the ordinary way below
        continue
      }
      // Rows of the same hash share a home, so a twin is between it and the cursor.
      let twin = -1
      for (let slot = home; slot < cursor; slot++) {
        if (slots[2 * slot] === hash && this.sameCustomer(index, slots[2 * slot + 1]! - 1)) {
          twin = slots[2 * slot + 1]! - 1
          break
        }
      }
      slots[2 * cursor] = hash
      slots[2 * cursor + 1] = index + 1
      cursor++
      this.live++
      if (twin !== -1) this.join(index, twin)
    }
    for (const index of wrapped) {
      this.filed[index] = 0
      this.add(index, this.hashes[index]!)
    }
  }

  /**
   * Orders rows (with their hashes) by their home slot, keeping row order among equal homes: a radix
   * sort in two passes (measured faster than three of 7-bit digits).
   */
  private sortByHome(pairs: HashedRows): void {
    let from: HashedRows = pairs
    let to: HashedRows = {
      hashes: new Int32Array(pairs.hashes.length),
      rows: new Int32Array(pairs.rows.length),
    }
    const DIGIT = Math.ceil(this.slotBits / 2)
    const mask = (1 << DIGIT) - 1
    for (let shift = 0; shift < this.slotBits; shift += DIGIT) {
      const starts = new Int32Array((1 << DIGIT) + 1)
      for (let at = 0; at < from.hashes.length; at++)
        starts[((this.home(from.hashes[at]!) >>> shift) & mask) + 1]!++
      for (let digit = 0; digit < 1 << DIGIT; digit++) starts[digit + 1]! += starts[digit]!
      for (let at = 0; at < from.hashes.length; at++) {
        const hash = from.hashes[at]!
        const place = starts[(this.home(hash) >>> shift) & mask]!++
        to.hashes[place] = hash
        to.rows[place] = from.rows[at]!
      }
      ;[from, to] = [to, from]
    }
    if (from !== pairs) {
      pairs.hashes.set(from.hashes)
      pairs.rows.set(from.rows)
    }
  }

  /** The slot a hash's probe starts at (Fibonacci hashing spreads FNV's low bits). */
  private home(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> (32 - this.slotBits)
  }

  private add(index: number, hash: number): void {
    const { slots } = this
    const mask = (1 << this.slotBits) - 1
    let twin = -1
    let slot = this.home(hash)
    // Look for a twin up to the first empty slot; file the row in the first free one.
    let free = -1
    for (; ; slot = (slot + 1) & mask) {
      const row = slots[2 * slot + 1]!
      if (row === EMPTY) break
      if (row === REMOVED) {
        if (free === -1) free = slot
      } else if (twin === -1 && slots[2 * slot] === hash && this.sameCustomer(index, row - 1)) {
        twin = row - 1
      }
    }
    if (free === -1) free = slot
    else this.removed--
    slots[2 * free] = hash
    slots[2 * free + 1] = index + 1
    this.hashes[index] = hash
    this.filed[index] = 1
    this.live++
    if (twin !== -1) this.join(index, twin)
  }

  private join(index: number, twin: number): void {
    const group = this.groupOfRow.get(twin)
    if (group === undefined) {
      const pair = twin < index ? [twin, index] : [index, twin]
      this.groupOfRow.set(twin, pair)
      this.groupOfRow.set(index, pair)
      this.groupCount++
      return
    }
    // Rows are mostly added in order (the first pass), so appending is the usual case.
    const last = group.at(-1)
    if (last === undefined || last < index) group.push(index)
    else group.splice(insertionPoint(group, index), 0, index)
    this.groupOfRow.set(index, group)
  }

  private remove(index: number): void {
    const { slots } = this
    const mask = (1 << this.slotBits) - 1
    for (let slot = this.home(this.hashes[index]!); ; slot = (slot + 1) & mask) {
      const row = slots[2 * slot + 1]!
      if (row === EMPTY) break // not filed (cannot happen while `filed` says it is)
      if (row === index + 1) {
        slots[2 * slot + 1] = REMOVED
        break
      }
    }
    this.filed[index] = 0
    this.live--
    this.removed++
    // Edits re-file rows one at a time; before the removed slots fill the table, file anew.
    if ((this.live + this.removed) * 4 > (1 << this.slotBits) * 3) this.refile()
    const group = this.groupOfRow.get(index)
    if (group === undefined) return
    this.groupOfRow.delete(index)
    group.splice(insertionPoint(group, index), 1)
    if (group.length === 1) {
      // Back to one row: no longer a group.
      this.groupOfRow.delete(group[0]!)
      this.groupCount--
    }
  }

  /** Files every filed row again in an empty table (groups are kept as they are). */
  private refile(): void {
    const mask = (1 << this.slotBits) - 1
    const slots = new Int32Array(this.slots.length)
    for (let index = 0; index < this.filed.length; index++) {
      if (this.filed[index] !== 1) continue
      const hash = this.hashes[index]!
      let slot = this.home(hash)
      while (slots[2 * slot + 1] !== EMPTY) slot = (slot + 1) & mask
      slots[2 * slot] = hash
      slots[2 * slot + 1] = index + 1
    }
    this.slots = slots
    this.removed = 0
  }
}

/** Rows and their identity hashes, side by side. */
interface HashedRows {
  hashes: Int32Array
  rows: Int32Array
}

const EMPTY = 0
const REMOVED = -1

/** The first position in a sorted array whose value is not below `value`. */
function insertionPoint(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((sorted[middle] ?? 0) < value) low = middle + 1
    else high = middle
  }
  return low
}
