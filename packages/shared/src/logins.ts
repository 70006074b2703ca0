/** The real login formats of ФИС ОКО (DOMAIN.md). Logins are case-sensitive. */
export const LOGIN_PATTERNS = {
  region_coordinator: /^reg(\d{2})0000$/,
  spo_region_coordinator: /^spo_coord_(\d{2})$/,
  municipal_coordinator: /^reg(\d{2})_m(\d{3})$/,
  school: /^sch(\d{2})(\d{4})$/,
  college: /^spo(\d{2})(\d{4})$/,
} as const;

export const regionCoordinatorLogin = (regionCode: string) => `reg${regionCode}0000`;
export const spoCoordinatorLogin = (regionCode: string) => `spo_coord_${regionCode}`;
export const municipalCoordinatorLogin = (regionCode: string, municipalityCode: string) =>
  `reg${regionCode}_m${municipalityCode}`;
/** An ОО code is six digits: the region code, then the ОО number within the region. */
export const orgLogin = (kind: 'school' | 'college', orgCode: string) =>
  `${kind === 'school' ? 'sch' : 'spo'}${orgCode}`;

export const REGION_CODE = /^\d{2}$/;
export const MUNICIPALITY_CODE = /^\d{3}$/;
export const ORG_CODE = /^\d{6}$/;
