import { columnSizingFeature, tableFeatures } from '@tanstack/react-table'

/** The table features the app uses (v9 tree-shakes the rest): column sizes on top of the core row model. */
export const gridFeatures = tableFeatures({ columnSizingFeature })
export type GridFeatures = typeof gridFeatures

/** A row position in a paged grid and its data once the page holding it has loaded. */
export interface RowSlot<Row> {
  index: number
  row: Row | undefined
}
