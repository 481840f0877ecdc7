// The Group Loyalty hierarchies the sandbox knows. In Capillary they are set up per organisation
// (`POST /v2/fleetHierarchy`); the sandbox has the one from Capillary's documentation example, a fleet
// programme where each role reports to the one above it: GFA (group fleet admin) > SFA > FA > FC.

export interface HierarchyRole {
  code: string
  /** The role that reports to this one; undefined for the lowest role. */
  childRoleCode?: string
}

export interface Hierarchy {
  code: string
  roles: readonly HierarchyRole[]
  /** When false (the documented default), a parent must hold the role directly above its child's. */
  skipRoleAllowed: boolean
}

export const SANDBOX_HIERARCHIES: readonly Hierarchy[] = [
  {
    code: 'FLEET',
    roles: [
      { code: 'GFA', childRoleCode: 'SFA' },
      { code: 'SFA', childRoleCode: 'FA' },
      { code: 'FA', childRoleCode: 'FC' },
      { code: 'FC' },
    ],
    skipRoleAllowed: false,
  },
]

/** Whether a customer in `parentRole` may be the parent of one in `childRole` within `hierarchy`. */
export function mayParent(hierarchy: Hierarchy, parentRole: string, childRole: string): boolean {
  const roles = new Map(hierarchy.roles.map((role) => [role.code, role]))
  let below = roles.get(parentRole)?.childRoleCode
  for (let steps = 0; below !== undefined && steps < roles.size; steps++) {
    if (below === childRole) return true
    if (!hierarchy.skipRoleAllowed) return false
    below = roles.get(below)?.childRoleCode
  }
  return false
}
