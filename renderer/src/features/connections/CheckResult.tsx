/** Signs beside the message (hidden from screen readers, which hear the message itself). */
const PASSED = '✓'
const FAILED = '✕'

/** The answer of "Test connection", announced to screen readers, marked by a sign as well as color. */
export function CheckResult({ ok, message }: { ok: boolean; message: string }) {
  return (
    <div className={ok ? 'check check-ok' : 'check check-failed'} role="status">
      <span aria-hidden="true">{ok ? PASSED : FAILED}</span> {message}
    </div>
  )
}
