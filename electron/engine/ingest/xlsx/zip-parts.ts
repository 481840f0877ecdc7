import { strFromU8, unzipSync } from 'fflate'

// The parts of an .xlsx package Crosswalk needs, inflated on demand from the ZIP (fflate: small,
// maintained, fast). Only the named entries are decompressed.

export class WorkbookPackage {
  private readonly zip: Uint8Array

  /** Throws when the bytes are not a readable ZIP archive. */
  constructor(zip: Uint8Array) {
    this.zip = zip
    unzipSync(zip, { filter: () => false }) // reads the central directory: fails fast on garbage
  }

  /** The named parts that exist, decompressed. */
  parts(names: readonly string[]): Map<string, Uint8Array> {
    const wanted = new Set(names)
    const found = unzipSync(this.zip, { filter: (file) => wanted.has(file.name) })
    return new Map(Object.entries(found))
  }

  /** Uncompressed size of a part, from the archive's directory (nothing is inflated), or null. */
  unpackedSize(name: string): number | null {
    let size: number | null = null
    unzipSync(this.zip, {
      filter: (file) => {
        if (file.name === name) size = file.originalSize
        return false
      },
    })
    return size
  }

  text(name: string): string | null {
    const part = this.parts([name]).get(name)
    return part ? strFromU8(part) : null
  }
}

/** `worksheets/sheet1.xml` (relative to xl/) or `/xl/worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`. */
export function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const segments: string[] = ['xl']
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop()
    else if (segment !== '.' && segment !== '') segments.push(segment)
  }
  return segments.join('/')
}
