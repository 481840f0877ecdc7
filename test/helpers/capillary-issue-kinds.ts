import type { IssueKind } from '#shared/ipc/contract.ts'

// Three kinds of problem a Capillary file has, for the tests of the review's summary by kind: an email
// that is not one (error), a registration date in the wrong form (error), a name with characters
// Capillary may store differently (warning).

export const EMAIL: IssueKind = {
  field: 'identifiers.email',
  severity: 'error',
  key: 'validation:rules.email',
}
export const DATE: IssueKind = {
  field: 'createDate',
  severity: 'error',
  key: 'validation:capillary.createDate',
}
export const NAME: IssueKind = {
  field: 'firstName',
  severity: 'warning',
  key: 'validation:capillary.nameCharacters',
}
