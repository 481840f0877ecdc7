// A job's pause switch. The job checks it between steps (`whileClosed`); a closed gate holds it there
// until it is opened again or the job is cancelled. Time spent held is counted, so rates and time-left
// estimates leave the pause out.

export class PauseGate {
  private waiting: (() => void)[] = []
  private closedAt: number | null = null
  private heldMs = 0
  private readonly now: () => number

  constructor(now: () => number = Date.now) {
    this.now = now
  }

  get closed(): boolean {
    return this.closedAt !== null
  }

  /** Milliseconds spent closed so far, including the current pause. */
  get pausedMs(): number {
    return this.heldMs + (this.closedAt === null ? 0 : this.now() - this.closedAt)
  }

  /** Returns false when the gate was already closed. */
  close(): boolean {
    if (this.closedAt !== null) return false
    this.closedAt = this.now()
    return true
  }

  /** Returns false when the gate was already open. */
  open(): boolean {
    if (this.closedAt === null) return false
    this.heldMs += this.now() - this.closedAt
    this.closedAt = null
    for (const resume of this.waiting.splice(0)) resume()
    return true
  }

  /** Resolves at once when open; otherwise when opened, or when `signal` aborts (cancel while paused). */
  whileClosed(signal: AbortSignal): Promise<void> {
    if (this.closedAt === null || signal.aborted) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        signal.removeEventListener('abort', done)
        this.waiting = this.waiting.filter((entry) => entry !== done)
        resolve()
      }
      this.waiting.push(done)
      signal.addEventListener('abort', done, { once: true })
    })
  }
}
