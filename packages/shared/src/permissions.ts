import type { Role } from './roles.ts';

/**
 * Every route declares exactly one of these. `public` routes need no session;
 * `authenticated` ones need a session and nothing else (one's own cabinet).
 */
export const PERMISSIONS = [
  'region.list',
  'region.read',
  'municipality.read',
  'municipality.create',
  'org.read',
  'org.create',
  'account.read',
  'account.issue',
  'account.update',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
export type RouteAccess = Permission | 'public' | 'authenticated';

const COORDINATOR_READ: Permission[] = ['region.read', 'municipality.read', 'org.read', 'account.read'];

export const ROLE_PERMISSIONS = {
  federal_admin: [...PERMISSIONS],
  region_coordinator: [...COORDINATOR_READ, 'municipality.create', 'org.create', 'account.issue', 'account.update'],
  spo_region_coordinator: [...COORDINATOR_READ, 'org.create', 'account.issue', 'account.update'],
  municipal_coordinator: [...COORDINATOR_READ, 'org.create', 'account.issue', 'account.update'],
  school: ['org.read'],
  college: ['org.read'],
} as const satisfies Record<Role, readonly Permission[]>;

export function roleHas(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}
