import type { ProviderId } from '#shared/ids.ts'
import { capillaryDryRun } from './capillary.ts'
import { kustomerDryRun } from './kustomer.ts'
import { omnideskDryRun } from './omnidesk.ts'
import { propellerDryRun } from './propeller.ts'
import { thuliumDryRun } from './thulium.ts'
import type { DryRunPlanner } from './types.ts'

/** Every provider's dry run (each beside its transport's own preparation; see the files). */
export const DRY_RUN_PLANNERS = {
  kustomer: kustomerDryRun,
  capillary: capillaryDryRun,
  thulium: thuliumDryRun,
  omnidesk: omnideskDryRun,
  propeller: propellerDryRun,
} satisfies Record<ProviderId, DryRunPlanner>
