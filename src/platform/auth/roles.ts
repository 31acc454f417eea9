// Who may do what. A workspace role is one of five, ranked: a route that needs `manager` is
// open to managers and strategists. `public` routes need no login, `user` any logged-in user,
// `admin` an administrator of the whole install (who also acts as strategist everywhere).

export const WORKSPACE_ROLES = ['viewer', 'member', 'reviewer', 'manager', 'strategist'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];
export type Access = 'public' | 'user' | 'admin' | WorkspaceRole;

/** What each role is, for help texts and the API docs. */
export const ROLE_DESCRIPTIONS: Record<WorkspaceRole, string> = {
  strategist: 'owns the strategy and the workspace: settings, members, escalation',
  manager: 'community manager: listens, answers, publishes, runs campaigns',
  reviewer: 'approves what members write and reviews contest entries',
  member: 'employee or ambassador: shares approved content, takes part in challenges',
  viewer: 'reads dashboards and reports',
};

export function isWorkspaceRole(value: string): value is WorkspaceRole {
  return (WORKSPACE_ROLES as readonly string[]).includes(value);
}

export function roleRank(role: WorkspaceRole): number {
  return WORKSPACE_ROLES.indexOf(role);
}

/** True when `role` is `needed` or above it. */
export function roleAllows(role: WorkspaceRole, needed: WorkspaceRole): boolean {
  return roleRank(role) >= roleRank(needed);
}
