import { useState } from 'react'
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
        <span>Tidy spaces (double spaces and line breaks become one space)</span>
      </label>
      <label className="transform-control" htmlFor={`${id}-case`}>
        <span>Letter case</span>
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
          <option value="">As written</option>
          <option value="upper">UPPER CASE</option>
          <option value="lower">lower case</option>
          <option value="title">Title Case</option>
        </select>
      </label>
      <label className="transform-control" htmlFor={`${id}-name`}>
        <span>Take a part of a name</span>
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
          <option value="">The whole value</option>
          <option value="first">First word</option>
          <option value="allButLast">All but the last word</option>
          <option value="last">Last word</option>
          <option value="allButFirst">All but the first word</option>
        </select>
      </label>
      <div className="transform-control split-control">
        <label htmlFor={`${id}-separator`}>Take a part split at</label>
        <input
          id={`${id}-separator`}
          className="separator-input"
          value={separator}
          maxLength={10}
          placeholder="e.g. ,"
          onChange={(event) => {
            setSeparator(event.target.value)
            setSplit(event.target.value, piece - 1)
          }}
        />
        <label htmlFor={`${id}-piece`}>part number</label>
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
