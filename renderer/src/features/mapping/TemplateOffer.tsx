import type { MappingTemplate } from '#shared/mapping/template.ts'
import { normaliseHeader } from '#shared/mapping/normalise-header.ts'

/** A saved template and how many of the columns it reads this file has. */
export interface TemplateFit {
  template: MappingTemplate
  present: number
  total: number
  /** Set when the template is the remembered mapping of a past upload (named after its file), not a saved one. */
  usedAt?: string
}

// Offered only when the file is very likely next month's export of the same system: most of the
// template's columns are there, and more than one (a single "Email" column fits everything).
const MIN_SHARE = 0.8
const MIN_PRESENT = 2

/** The saved template that fits these columns best, or null when none fits well enough to offer. */
export function bestFittingTemplate(
  templates: readonly MappingTemplate[],
  headers: readonly string[],
): TemplateFit | null {
  const columns = new Set(headers.map(normaliseHeader))
  let best: TemplateFit | null = null
  for (const template of templates) {
    const wanted = new Set(
      template.fields
        .flatMap(({ header, joinHeaders }) => [header, ...(joinHeaders ?? [])])
        .map(normaliseHeader),
    )
    const present = [...wanted].filter((header) => columns.has(header)).length
    const fit = { template, present, total: wanted.size }
    if (present < MIN_PRESENT || present < MIN_SHARE * wanted.size) continue
    if (
      !best ||
      present / fit.total > best.present / best.total ||
      (present / fit.total === best.present / best.total && present > best.present)
    ) {
      best = fit
    }
  }
  return best
}

/** In the computer's own way of writing dates, as the upload history does. */
const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' })
const formatDay = (iso: string): string => DAY.format(new Date(iso))

interface TemplateOfferProps {
  fit: TemplateFit
  onApply(): void
  onDismiss(): void
}

/** The banner that offers a saved template which fits the file just opened. */
export function TemplateOffer({ fit, onApply, onDismiss }: TemplateOfferProps) {
  return (
    <div className="template-offer" role="region" aria-label="Suggested template">
      {fit.usedAt ? (
        <p>
          You uploaded a file with these columns before (<strong>{fit.template.name}</strong>,{' '}
          {formatDay(fit.usedAt)}; {fit.present} of {fit.total} {fit.total === 1 ? 'column' : 'columns'}{' '}
          here). Use the same mapping again?
        </p>
      ) : (
        <p>
          Your template <strong>‘{fit.template.name}’</strong> fits this file ({fit.present} of {fit.total}{' '}
          {fit.total === 1 ? 'column' : 'columns'}). Apply it?
        </p>
      )}
      <div className="actions start">
        <button type="button" className="button primary" onClick={onApply}>
          Apply
        </button>
        <button type="button" className="button secondary" onClick={onDismiss}>
          Not now
        </button>
      </div>
    </div>
  )
}
