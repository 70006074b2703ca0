import type { OrgAttributes } from '@oko/shared';
import type { OrgRowForForm } from './collections.repository.ts';

/** What read-only columns of a form can show about the ОО that fills it. */
export function orgAttributes(o: OrgRowForForm): OrgAttributes {
  return {
    login: o.login ?? '',
    orgCode: o.code,
    fullName: o.full_name,
    shortName: o.short_name,
    regionCode: o.region_code,
    regionName: o.region_name,
    municipalityName: o.municipality_name,
  };
}
