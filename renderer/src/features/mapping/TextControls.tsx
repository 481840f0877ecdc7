import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseStyle, NamePart, Transform, TransformKind } from '#shared/mapping/transforms/transform.ts'
import { findTransform } from './transform-list.ts'

interface TextControlsProps {
  /** Prefix for the controls' ids. */
  id: string
  transforms: readonly Transform[] | undefined
  onChange(kind: TransformKind, next: Transform | null): void
}

/** Tidy spaces, letter case, a part of a name, a part split by a separator. */
export function TextControls({ id, transforms, onChange }: TextControlsProps) {
  const { t } = useTranslation('mapping')
  const letterCase = findTransform(transforms, 'case')
  const name = findTransform(transforms, 'namePart')
  const split = findTransform(transforms, 'splitPart')
  // The separator box may be emptied while typing; the transform needs one, so it waits for it.
  const [separator, setSeparator] = useState(split?.separator ?? '')
  const piece = (split?.index ?? 0) + 1
  const setSplit = (text: string, index: number) =>
    onChange('splitPart', text === '' ? null : { kind: 'splitPart', separator: text, index })

  return (
    <>
      <label className="transform-control checkbox" htmlFor={`${id}-spaces`}>
        <input
          id={`${id}-spaces`}
          type="checkbox"
          checked={findTransform(transforms, 'collapseSpaces') !== undefined}
          onChange={(event) =>
            onChange('collapseSpaces', event.target.checked ? { kind: 'collapseSpaces' } : null)
          }
        />
        <span>{t('textControls.tidySpaces')}</span>
      </label>
      <label className="transform-control" htmlFor={`${id}-case`}>
        <span>{t('textControls.letterCase')}</span>
        <select
          id={`${id}-case`}
          value={letterCase?.style ?? ''}
          onChange={(event) =>
            onChange(
              'case',
              event.target.value === '' ? null : { kind: 'case', style: event.target.value as CaseStyle },
            )
          }
        >
          <option value="">{t('textControls.asWritten')}</option>
          <option value="upper">{t('textControls.cases.upper')}</option>
          <option value="lower">{t('textControls.cases.lower')}</option>
          <option value="title">{t('textControls.cases.title')}</option>
        </select>
      </label>
      <label className="transform-control" htmlFor={`${id}-name`}>
        <span>{t('textControls.namePart')}</span>
        <select
          id={`${id}-name`}
          value={name?.part ?? ''}
          onChange={(event) =>
            onChange(
              'namePart',
              event.target.value === '' ? null : { kind: 'namePart', part: event.target.value as NamePart },
            )
          }
        >
          <option value="">{t('textControls.wholeValue')}</option>
          <option value="first">{t('textControls.nameParts.first')}</option>
          <option value="allButLast">{t('textControls.nameParts.allButLast')}</option>
          <option value="last">{t('textControls.nameParts.last')}</option>
          <option value="allButFirst">{t('textControls.nameParts.allButFirst')}</option>
        </select>
      </label>
      <div className="transform-control split-control">
        <label htmlFor={`${id}-separator`}>{t('textControls.splitAt')}</label>
        <input
          id={`${id}-separator`}
          className="separator-input"
          value={separator}
          maxLength={10}
          placeholder={t('textControls.splitPlaceholder')}
          onChange={(event) => {
            setSeparator(event.target.value)
            setSplit(event.target.value, piece - 1)
          }}
        />
        <label htmlFor={`${id}-piece`}>{t('textControls.partNumber')}</label>
        <input
          id={`${id}-piece`}
          className="piece-input"
          type="number"
          min={1}
          max={51}
          value={piece}
          disabled={separator === ''}
          onChange={(event) => {
            const number = Math.min(51, Math.max(1, Math.trunc(Number(event.target.value)) || 1))
            setSplit(separator, number - 1)
          }}
        />
      </div>
    </>
  )
}
