import type { ReactNode } from 'react'

interface AlertProps {
  tone: 'error' | 'warning' | 'info'
  title?: string
  children: ReactNode
}

/** Errors are announced (role="alert") and marked with a word and an icon, never by color alone. */
export function Alert({ tone, title, children }: AlertProps) {
  const icon = tone === 'error' ? '✕' : tone === 'warning' ? '⚠' : 'i'
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span className="alert-icon" aria-hidden="true">
        {icon}
      </span>
      <div>
        {title ? <strong className="alert-title">{title}</strong> : null}
        <div>{children}</div>
      </div>
    </div>
  )
}
