// Row messages the Thulium transport gives, in one place so they stay consistent.

export const TOO_LARGE =
  'This row is too large to send: on its own it is over the 500 kB request limit Crosswalk keeps to for Thulium. Shorten its longest values (e.g. note or custom fields) and upload it again.'

export const DUPLICATE_IDENTIFIER_SEARCH = (identifier: string) =>
  `Thulium has more than one customer with the Customer identifier "${identifier}", so Crosswalk cannot tell which one to update. Merge or renumber those customers in Thulium, then upload this row again.`

export const LOOKUP_REFUSED = (reason: string) =>
  `Thulium refused to search for this row's Customer identifier (${reason}), so it was not sent. Check the identifier in the file and upload this row again.`

/** For creates whose fate is unknown and that cannot be checked (no identifier to search by). */
export function mayExist(what: string): string {
  return `${what}, so this row may or may not have been created in Thulium. Search for the customer in Thulium before uploading it again, or give the row a Customer identifier so Crosswalk can check for you.`
}

export function notUpdated(what: string): string {
  return `${what}, so this row may not have been updated. Uploading it again is safe: it only updates the same customer.`
}

export const REQUEST_REFUSED = (reason: string) =>
  `Thulium refused the request this row was in: ${reason}. Nothing in it was saved; upload the row again, and if this keeps happening, send us the log file.`
