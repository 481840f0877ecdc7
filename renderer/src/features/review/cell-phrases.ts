import type { TFunction } from 'i18next'
import { fillable } from '../../lib/fillable.ts'

/**
 * What the review grid's cells say, translated once per language (fillable.ts: not a t() per cell
 * per frame). The sentences that count things stay with t(), which picks their plural form.
 */
export interface CellPhrases {
  t: TFunction<'review'>
  loading: string
  empty: string
  emptyValue: string
  edited: string
  merged: string
  excluded: string
  edit(values: { field: string; row: number }): string
  inYourFile(values: { value: string }): string
  was(values: { value: string }): string
  error(values: { message: string }): string
  warning(values: { message: string }): string
  send(values: { row: number }): string
  duplicateOf(values: { row: number }): string
  mergedInto(values: { row: number }): string
  sameCustomer(values: { row: number }): string
  firstOf(values: { size: string }): string
}

export function cellPhrases(t: TFunction<'review'>): CellPhrases {
  return {
    t,
    loading: t('cell.loading'),
    empty: t('cell.empty'),
    emptyValue: t('cell.emptyValue'),
    edited: t('cell.edited'),
    merged: t('cell.merged'),
    excluded: t('row.excluded'),
    edit: fillable((values) => t('cell.edit', values), ['field', 'row']),
    inYourFile: fillable((values) => t('cell.inYourFile', values), ['value']),
    was: fillable((values) => t('cell.was', values), ['value']),
    error: fillable((values) => t('cell.error', values), ['message']),
    warning: fillable((values) => t('cell.warning', values), ['message']),
    send: fillable((values) => t('row.send', values), ['row']),
    duplicateOf: fillable((values) => t('row.duplicateOf', values), ['row']),
    mergedInto: fillable((values) => t('row.mergedInto', values), ['row']),
    sameCustomer: fillable((values) => t('row.sameCustomer', values), ['row']),
    firstOf: fillable((values) => t('row.firstOf', values), ['size']),
  }
}
