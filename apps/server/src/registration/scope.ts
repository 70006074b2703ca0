import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { Permission } from '@oko/shared';
import { badRequest, forbidden, notFound } from '../http/errors.ts';
import type { RegistrationRepository } from './registration.repository.ts';

/** The part of the country a registration flow works on: a region, or one municipality of it. */
export interface RegistrationScope {
  regionCode: string;
  regionName: string;
  municipality: { id: string; code: string; name: string } | null;
  title: string;
}

/**
 * A municipal coordinator works on its municipality, a regional one on its region; the federal level
 * names the region (?regionCode=) and the access module checks it like any id.
 */
export async function resolveScope(
  deps: { repo: RegistrationRepository; access: AccessService },
  actor: Actor,
  permission: Permission,
  regionCode: string | undefined,
): Promise<RegistrationScope> {
  if (regionCode) await deps.access.requireAccess(actor, permission, 'region', [regionCode]);
  else deps.access.requirePermission(actor, permission);
  switch (actor.role) {
    case 'municipal_coordinator': {
      const m = actor.municipalityId ? await deps.repo.municipality(actor.municipalityId) : undefined;
      if (!m) throw notFound('Муниципалитет не найден');
      const region = await deps.repo.regionName(m.region_code);
      return {
        regionCode: m.region_code,
        regionName: region?.name ?? m.region_code,
        municipality: { id: m.id, code: m.code, name: m.name },
        title: m.name,
      };
    }
    case 'region_coordinator':
    case 'federal_admin': {
      const code = actor.role === 'federal_admin' ? regionCode : (actor.regionCode ?? undefined);
      if (!code) throw badRequest('Укажите регион (параметр regionCode, например ?regionCode=39)');
      const region = await deps.repo.regionName(code);
      if (!region) throw notFound('Регион не найден');
      return { regionCode: code, regionName: region.name, municipality: null, title: region.name };
    }
    case 'spo_region_coordinator':
    case 'school':
    case 'college':
      throw forbidden();
  }
}
