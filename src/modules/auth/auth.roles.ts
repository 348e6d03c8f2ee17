/** Roles in increasing power: each includes the ones before it. */
export enum Role {
  Reader = 'reader',
  Editor = 'editor',
  Admin = 'admin',
}

const RANK: Record<Role, number> = { [Role.Reader]: 1, [Role.Editor]: 2, [Role.Admin]: 3 };

const ROLES: readonly string[] = Object.values(Role);

export function isRole(value: string): value is Role {
  return ROLES.includes(value);
}

/** Whether someone holding `held` may do what needs `needed`. */
export function roleSatisfies(held: readonly string[], needed: Role): boolean {
  return held.some((role) => isRole(role) && RANK[role] >= RANK[needed]);
}

/** The identity system jobs (seeding, the CLI, the importer) act as; the change log names it `system`. */
export const SYSTEM_USER = { id: 'system', roles: [Role.Admin] } as const;
