import { useEffect, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReviewRow } from '#shared/ipc/contract.ts'
import type { DatasetSummary } from '#shared/jobs.ts'
import type { Mapping } from '#shared/mapping/mapping.ts'
import { getProvider } from '#shared/providers/registry.ts'
import type { ConnectionSettings, ProviderDefinition } from '#shared/providers/types.ts'
import { compileMapping } from '#shared/validation/compile-mapping.ts'
import { api, unwrap } from '../../lib/ipc.ts'
import { useAppShallow } from '../../store/index.ts'
import { ICON } from './icons.ts'
import { PayloadRow, type PreviewedRow } from './PayloadRow.tsx'

/** Three rows say enough about the shape; more would make the section a wall of JSON. */
const PREVIEW_ROWS = 3

/**
 * The first rows with their source row numbers (the sample cells elsewhere on this screen come
 * without them), read once the section is opened.
 */
function useFirstRows(dataset: DatasetSummary | null, wanted: boolean): ReviewRow[] | null {
  const [loaded, setLoaded] = useState<{ dataset: DatasetSummary; rows: ReviewRow[] } | null>(null)
  useEffect(() => {
    if (!dataset || !wanted || loaded?.dataset === dataset) return
    let current = true
    unwrap(
      api.dataset.rows({ datasetId: dataset.datasetId, offset: 0, limit: PREVIEW_ROWS, filter: 'all' }),
    ).then(
      (page) => {
        if (current) setLoaded({ dataset, rows: page.rows })
      },
      () => {
        if (current) setLoaded({ dataset, rows: [] })
      },
    )
    return () => {
      current = false
    }
  }, [dataset, wanted, loaded])
  return loaded && loaded.dataset === dataset ? loaded.rows : null
}

/** The connection's non-secret settings, or the form's defaults when no connection is chosen yet. */
function settingsFor(provider: ProviderDefinition, chosen: ConnectionSettings | null): ConnectionSettings {
  const secret = new Set(provider.connection.fields.filter((f) => f.kind === 'secret').map((f) => f.key))
  const source: ConnectionSettings =
    chosen ??
    Object.fromEntries(
      provider.connection.fields.flatMap((f) => (f.default === undefined ? [] : [[f.key, f.default]])),
    )
  // Renderer settings never hold secrets; this only makes sure a preview could not show one.
  return Object.fromEntries(Object.entries(source).filter(([key]) => !secret.has(key)))
}

/** Whose request this is, and through which connection. */
function PayloadIntro({ provider, connection }: { provider: string; connection: string | undefined }) {
  const { t } = useTranslation('mapping')
  return (
    <p className="muted">
      {connection !== undefined
        ? t('payloadPreview.introWithConnection', { provider, connection })
        : t('payloadPreview.introNoConnection', { provider })}
    </p>
  )
}

/**
 * "What will be sent": for the file's first rows, the request body the provider would receive with
 * the current mapping and connection, built by the provider's own request builders (the ones the
 * upload uses), and the problems that would stop a row from being sent as it is.
 */
export function PayloadPreview() {
  const { t } = useTranslation('mapping')
  const { dataset, providerId, assignments, constants, connectionId, connections } = useAppShallow(
    (state) => ({
      dataset: state.dataset,
      providerId: state.providerId,
      assignments: state.assignments,
      constants: state.constants,
      connectionId: state.connectionId,
      connections: state.connections,
    }),
  )
  const [open, setOpen] = useState(false)
  const [copied, setCopied] = useState<number | null>(null)
  const rows = useFirstRows(dataset, open)
  const id = useId()
  const provider = providerId ? getProvider(providerId) : null
  const connection = connections.find((c) => c.id === connectionId && c.providerId === providerId) ?? null
  const connectionSettings = connection?.settings ?? null

  const shown = useMemo((): PreviewedRow[] => {
    if (!open || !provider || !providerId || !rows) return []
    const mapping: Mapping = { providerId, assignments, constants }
    const compiled = compileMapping(provider, mapping)
    const settings = settingsFor(provider, connectionSettings)
    return rows.map(({ row, cells }) => {
      const record = compiled.record(row, (_row, column) => cells[column] ?? '')
      const issues = compiled.validate(record)
      const payload = provider.previewPayload?.(record, settings, row) ?? null
      return {
        row,
        payload,
        errors: issues.filter((issue) => issue.severity === 'error'),
        warnings: issues.filter((issue) => issue.severity === 'warning'),
        text: payload?.refused ? '' : JSON.stringify(payload?.body ?? null, null, 2),
      }
    })
  }, [open, provider, providerId, rows, assignments, constants, connectionSettings])

  if (!dataset || !provider) return null
  // Said once when it applies to every row shown (it usually does), under each row otherwise.
  const firstNote = shown[0]?.payload?.note
  const sharedNote = shown.every((entry) => entry.payload?.note === firstNote) ? firstNote : undefined
  const bodyId = `${id}-body`

  function copy(entry: PreviewedRow) {
    void navigator.clipboard?.writeText(entry.text).then(
      () => setCopied(entry.row),
      () => setCopied(null),
    )
  }

  return (
    <section className="payload-preview" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="payload-preview-heading">
        <button
          type="button"
          className="payload-preview-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((was) => !was)}
        >
          <span aria-hidden="true" className="payload-preview-caret">
            {open ? ICON.expanded : ICON.collapsed}
          </span>
          {t('payloadPreview.toggle', { count: PREVIEW_ROWS })}
        </button>
      </h2>
      <div id={bodyId} hidden={!open}>
        {open ? (
          <>
            <PayloadIntro provider={provider.displayName} connection={connection?.name} />
            {sharedNote ? <p className="muted payload-note">{sharedNote}</p> : null}
            {rows === null ? <p className="muted">{t('payloadPreview.reading')}</p> : null}
            {rows !== null && rows.length === 0 ? (
              <p className="muted">{t('payloadPreview.noRows')}</p>
            ) : null}
            {shown.map((entry) => (
              <PayloadRow
                key={entry.row}
                entry={entry}
                headingId={`${id}-row-${entry.row}`}
                copied={copied === entry.row}
                onCopy={() => copy(entry)}
                showNote={!sharedNote}
              />
            ))}
          </>
        ) : null}
      </div>
    </section>
  )
}
