import type { JobEvent, TerminalJobEvent } from '#shared/jobs.ts'

/** A job listener that records every event and resolves with the terminal one. */
export function recordJob() {
  const events: JobEvent[] = []
  let settle: (event: TerminalJobEvent) => void = () => {}
  const terminal = new Promise<TerminalJobEvent>((resolve) => (settle = resolve))
  const listener = (event: JobEvent) => {
    events.push(event)
    if (event.type === 'completed' || event.type === 'failed' || event.type === 'cancelled') settle(event)
  }
  return { events, listener, terminal }
}
