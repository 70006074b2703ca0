import type { Role } from '@oko/shared';

/** One known password per role, listed in the README; demo accounts are not forced to change it. */
export const DEMO_PASSWORDS = {
  federal_admin: 'Demo-Fed-2026',
  region_coordinator: 'Demo-Reg-2026',
  spo_region_coordinator: 'Demo-Spo-2026',
  municipal_coordinator: 'Demo-Mun-2026',
  school: 'Demo-Sch-2026',
  college: 'Demo-Col-2026',
} as const satisfies Record<Role, string>;

export const DEMO_ADMIN_LOGIN = 'admin';
