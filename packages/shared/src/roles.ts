/** Roles of the personal cabinet, top to bottom of the hierarchy. */
export const ROLES = [
  'federal_admin',
  'region_coordinator',
  'spo_region_coordinator',
  'municipal_coordinator',
  'school',
  'college',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_TITLES = {
  federal_admin: 'Федеральный организатор',
  region_coordinator: 'Региональный координатор ВПР',
  spo_region_coordinator: 'Региональный координатор ВПР СПО',
  municipal_coordinator: 'Муниципальный координатор',
  school: 'Образовательная организация',
  college: 'Образовательная организация СПО',
} as const satisfies Record<Role, string>;

/** Which level of the hierarchy an account of this role is attached to. */
export const ROLE_LEVEL = {
  federal_admin: 'federal',
  region_coordinator: 'region',
  spo_region_coordinator: 'region',
  municipal_coordinator: 'municipality',
  school: 'org',
  college: 'org',
} as const satisfies Record<Role, 'federal' | 'region' | 'municipality' | 'org'>;

/**
 * Who issues credentials to whom: credentials travel down the chain only.
 * Federal → regional coordinators; regional → municipal coordinators and schools of its region;
 * municipal → schools of its municipality; the СПО coordinator → colleges of its region.
 */
export const ISSUES_TO = {
  federal_admin: ['region_coordinator', 'spo_region_coordinator'],
  region_coordinator: ['municipal_coordinator', 'school'],
  spo_region_coordinator: ['college'],
  municipal_coordinator: ['school'],
  school: [],
  college: [],
} as const satisfies Record<Role, readonly Role[]>;

export function canIssueTo(issuer: Role, target: Role): boolean {
  return (ISSUES_TO[issuer] as readonly Role[]).includes(target);
}
