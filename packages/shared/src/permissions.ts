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
  'publication.read',
  'publication.write',
  'storage.report',
  'collection.fill',
  'collection.monitor',
  'collection.manage',
  'registry.manage',
  'application.consolidate',
  'campaign.read',
  'campaign.manage',
  'schedule.manage',
  // the ОО's own materials: «Ход ВПР», the archive password, printed kits
  'materials.receive',
  // who downloaded the archive and who opened the password, across one's scope
  'materials.monitor',
  // the ОО's results forms: fill online, download, upload
  'results.submit',
  // who uploaded results, across one's scope
  'results.monitor',
  // let one ОО upload after the deadline
  'results.manage',
  // «Аналитика»: every level the viewer's scope reaches, never another ОО's rows
  'analytics.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
export type RouteAccess = Permission | 'public' | 'authenticated';

const COORDINATOR_READ: Permission[] = [
  'region.read',
  'municipality.read',
  'org.read',
  'account.read',
  'publication.read',
  'storage.report',
  'collection.monitor',
  'campaign.read',
  'materials.monitor',
  'results.monitor',
  'analytics.read',
];
const ORG: Permission[] = [
  'org.read',
  'publication.read',
  'collection.fill',
  'campaign.read',
  'materials.receive',
  'results.submit',
  'analytics.read',
];

export const ROLE_PERMISSIONS = {
  federal_admin: PERMISSIONS.filter(
    (p) => p !== 'collection.fill' && p !== 'materials.receive' && p !== 'results.submit',
  ),
  region_coordinator: [
    ...COORDINATOR_READ,
    'municipality.create',
    'org.create',
    'account.issue',
    'account.update',
    'publication.write',
    'collection.manage',
    'registry.manage',
    'application.consolidate',
    'schedule.manage',
    'results.manage',
  ],
  spo_region_coordinator: [
    ...COORDINATOR_READ,
    'org.create',
    'account.issue',
    'account.update',
    'publication.write',
    'collection.manage',
  ],
  municipal_coordinator: [
    ...COORDINATOR_READ,
    'org.create',
    'account.issue',
    'account.update',
    'registry.manage',
    'results.manage',
  ],
  school: ORG,
  college: ORG,
} as const satisfies Record<Role, readonly Permission[]>;

export function roleHas(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}
