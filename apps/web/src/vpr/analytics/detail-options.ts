import type { ReportDetail, Role } from '@oko/shared';

/**
 * How deep below their own level a viewer may ask the rows to go: the federal level down from regions, a region
 * down from its municipalities, a municipality has only its ОО; an ОО sees its own path and chooses nothing.
 */
export function detailOptions(role: Role): ReportDetail[] {
  switch (role) {
    case 'federal_admin':
      return ['regions', 'municipalities', 'orgs'];
    case 'region_coordinator':
    case 'spo_region_coordinator':
      return ['municipalities', 'orgs'];
    case 'municipal_coordinator':
      return ['orgs'];
    case 'school':
    case 'college':
      return [];
  }
}
