// Signs shown beside words (never instead of them) and hidden from screen readers, which read the
// words. The same in every language, so not in the catalogs.
export const ICON = {
  warning: '⚠',
  rejected: '✕',
  expanded: '▾',
  collapsed: '▸',
  dragGrip: '⠿',
  sentAs: '→',
} as const

/** Between the parts of a one-line summary. */
export const PART_SEPARATOR = ' · '
