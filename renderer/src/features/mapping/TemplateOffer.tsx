import { Trans, useTranslation } from 'react-i18next'
import { formatCount, formatLongDate } from '../../lib/format.ts'
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

interface TemplateOfferProps {
  fit: TemplateFit
  onApply(): void
  onDismiss(): void
}

/** The banner that offers a saved template which fits the file just opened. */
export function TemplateOffer({ fit, onApply, onDismiss }: TemplateOfferProps) {
  const { t } = useTranslation('mapping')
  const counts = { present: formatCount(fit.present) }
  // The name is the person's own text: it goes in as an element, never into the sentence's markup.
  return (
    <div className="template-offer" role="region" aria-label={t('templateOffer.label')}>
      {fit.usedAt ? (
        <p>
          <Trans
            t={t}
            i18nKey="templateOffer.usedBefore"
            count={fit.total}
            values={{ ...counts, date: formatLongDate(new Date(fit.usedAt)) }}
            components={{ name: <strong>{fit.template.name}</strong> }}
          />
        </p>
      ) : (
        <p>
          <Trans
            t={t}
            i18nKey="templateOffer.fits"
            count={fit.total}
            values={counts}
            components={{
              name: <strong>{t('templateOffer.quotedName', { name: fit.template.name })}</strong>,
            }}
          />
        </p>
      )}
      <div className="actions start">
        <button type="button" className="button primary" onClick={onApply}>
          {t('templateOffer.apply')}
        </button>
        <button type="button" className="button secondary" onClick={onDismiss}>
          {t('templateOffer.notNow')}
        </button>
      </div>
    </div>
  )
}
