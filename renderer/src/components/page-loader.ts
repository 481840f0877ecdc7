// Fetching a grid's rows from the engine a page at a time, for the rows on screen only. Dragging the
// scroll bar of a million-row grid passes thousands of pages in a second: asking for each as it goes
// by queued them all in the engine, and the page the user stopped on came last (half a minute late,
// measured by the scroll bench). So only the pages still on screen are asked for, a few at a time,
// and pages far from the screen are let go, so memory stays small however far one scrolls.

export interface PageLoaderOptions {
  pageSize: number
  /** Requests at once: enough to overlap the engine's work with the transfer, few enough to stay current. */
  maxInFlight?: number
  /** Pages kept; the ones farthest from the screen go first. */
  keep?: number
}

export type PagesListener<Row> = (pages: ReadonlyMap<number, Row[]>, error: unknown) => void

export class PageLoader<Row> {
  private readonly pages = new Map<number, Row[]>()
  private readonly inFlight = new Set<number>()
  private readonly failed = new Set<number>()
  private readonly load: (offset: number, limit: number) => Promise<Row[]>
  private readonly notify: PagesListener<Row>
  private readonly pageSize: number
  private readonly maxInFlight: number
  private readonly keep: number
  private firstPage = 0
  private lastPage = -1
  /** Pages just off screen (within half a page of it), fetched after the ones on screen. */
  private aheadFirst = 0
  private aheadLast = -1
  private stopped = false

  constructor(
    load: (offset: number, limit: number) => Promise<Row[]>,
    notify: PagesListener<Row>,
    options: PageLoaderOptions,
  ) {
    this.load = load
    this.notify = notify
    this.pageSize = options.pageSize
    this.maxInFlight = options.maxInFlight ?? 2
    this.keep = Math.max(options.keep ?? 30, 1)
  }

  /**
   * The rows now on screen (indexes, inclusive); earlier wishes not yet asked for are dropped. With the
   * grid's `rowCount`, the page the screen is within half a page of is fetched too, once the pages on
   * screen are asked for: scrolling smoothly then finds it ready instead of showing empty rows.
   */
  want(first: number, last: number, rowCount?: number): void {
    this.firstPage = Math.floor(first / this.pageSize)
    this.lastPage = Math.floor(last / this.pageSize)
    const margin = rowCount === undefined ? 0 : Math.floor(this.pageSize / 2)
    this.aheadFirst = Math.floor(Math.max(0, first - margin) / this.pageSize)
    this.aheadLast = Math.floor(Math.min((rowCount ?? last + 1) - 1, last + margin) / this.pageSize)
    this.pump()
  }

  /** No more requests, and answers still on their way are ignored (a new filter, an unmounted grid). */
  stop(): void {
    this.stopped = true
  }

  /** Back to work after stop() (React mounts, unmounts and mounts again in development). */
  start(): void {
    this.stopped = false
    this.pump()
  }

  private pump(): void {
    while (!this.stopped && this.inFlight.size < this.maxInFlight) {
      const page = this.nextMissing()
      if (page === undefined) return
      this.fetch(page)
    }
  }

  private nextMissing(): number | undefined {
    for (let page = this.firstPage; page <= this.lastPage; page++) if (this.missing(page)) return page
    for (let page = this.aheadFirst; page < this.firstPage; page++) if (this.missing(page)) return page
    for (let page = this.lastPage + 1; page <= this.aheadLast; page++) if (this.missing(page)) return page
    return undefined
  }

  private missing(page: number): boolean {
    return !this.pages.has(page) && !this.inFlight.has(page) && !this.failed.has(page)
  }

  private fetch(page: number): void {
    this.inFlight.add(page)
    this.load(page * this.pageSize, this.pageSize).then(
      (rows) => {
        this.inFlight.delete(page)
        if (this.stopped) return
        this.pages.set(page, rows)
        this.letGoOfDistantPages()
        this.notify(new Map(this.pages), null)
        this.pump()
      },
      (reason: unknown) => {
        this.inFlight.delete(page)
        if (this.stopped) return
        // Not asked for again by scrolling: the error is shown, and a new loader (new rows) starts clean.
        this.failed.add(page)
        this.notify(new Map(this.pages), reason)
        this.pump()
      },
    )
  }

  private letGoOfDistantPages(): void {
    if (this.pages.size <= this.keep) return
    const middle = (this.firstPage + this.lastPage) / 2
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - middle) - Math.abs(a - middle))
    for (const page of byDistance) {
      if (this.pages.size <= this.keep) return
      if (page < this.aheadFirst || page > this.aheadLast) this.pages.delete(page)
    }
  }
}
