import type { Transform, TransformKind } from '#shared/mapping/transforms/transform.ts'

// Editing an assignment's transforms one kind at a time. Transforms run in order, so a new one goes
// where it makes sense (spaces tidied before a name is split, a value map last); one already there,
// whoever put it there (the automatic match, a template), keeps its place.

const ORDER: readonly TransformKind[] = [
  'collapseSpaces',
  'namePart',
  'splitPart',
  'case',
  'phone',
  'date',
  'valueMap',
]

export type TransformOf<K extends TransformKind> = Extract<Transform, { kind: K }>

export function findTransform<K extends TransformKind>(
  transforms: readonly Transform[] | undefined,
  kind: K,
): TransformOf<K> | undefined {
  return transforms?.find((transform): transform is TransformOf<K> => transform.kind === kind)
}

/** `transforms` with the one of `kind` replaced by `next`, or removed when `next` is null. */
export function withTransform(
  transforms: readonly Transform[] | undefined,
  kind: TransformKind,
  next: Transform | null,
): Transform[] {
  const list = transforms ?? []
  const at = list.findIndex((transform) => transform.kind === kind)
  if (at !== -1) {
    return next ? list.map((transform, index) => (index === at ? next : transform)) : list.toSpliced(at, 1)
  }
  if (!next) return [...list]
  const rank = ORDER.indexOf(kind)
  const before = list.findIndex((transform) => ORDER.indexOf(transform.kind) > rank)
  return before === -1 ? [...list, next] : list.toSpliced(before, 0, next)
}
