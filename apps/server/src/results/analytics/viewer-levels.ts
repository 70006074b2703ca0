import type { LevelKind, ReportDetail } from '@oko/shared';
import type { Actor } from '../../access/actor.ts';
import type { LevelFilter } from './analytics.repository.ts';

/** Where the viewer sits: its region and municipality (an ОО's are its own), its ОО. */
export interface ViewerPlace {
  regionCode: string | null;
  municipalityId: string | null;
  orgId: string | null;
}

export interface LevelPlan {
  kind: LevelKind;
  filter: LevelFilter;
}

/** The level an account looks from by default: the federal level sees regions, a region its municipalities… */
export function defaultDetail(actor: Actor): ReportDetail {
  if (actor.role === 'federal_admin') return 'regions';
  if (actor.role === 'region_coordinator' || actor.role === 'spo_region_coordinator') return 'municipalities';
  return 'orgs';
}

const DEPTH: Record<ReportDetail, number> = { regions: 1, municipalities: 2, orgs: 3 };

/**
 * Which level rows a viewer gets: always the whole sample, then the levels down to `detail`, each cut to the
 * viewer's part of the country. The aggregates above a viewer (its region, the whole sample) are sums anyone
 * may see; rows of single ОО appear only inside the viewer's own scope, so an ОО sees no other ОО.
 */
export function levelPlan(actor: Actor, place: ViewerPlace, detail: ReportDetail): LevelPlan[] {
  const depth = DEPTH[detail];
  const plan: LevelPlan[] = [{ kind: 'all', filter: {} }];
  switch (actor.role) {
    case 'federal_admin':
      plan.push({ kind: 'region', filter: {} });
      if (depth >= 2) plan.push({ kind: 'municipality', filter: {} });
      if (depth >= 3) plan.push({ kind: 'org', filter: {} });
      return plan;
    case 'region_coordinator':
    case 'spo_region_coordinator': {
      const f = { regionCode: place.regionCode ?? '-' };
      plan.push({ kind: 'region', filter: f });
      if (depth >= 2) plan.push({ kind: 'municipality', filter: f });
      if (depth >= 3) plan.push({ kind: 'org', filter: f });
      return plan;
    }
    case 'municipal_coordinator': {
      plan.push({ kind: 'region', filter: { regionCode: place.regionCode ?? '-' } });
      const f = { municipalityId: place.municipalityId ?? '00000000-0000-0000-0000-000000000000' };
      plan.push({ kind: 'municipality', filter: f });
      if (depth >= 3) plan.push({ kind: 'org', filter: f });
      return plan;
    }
    case 'school':
    case 'college':
      plan.push({ kind: 'region', filter: { regionCode: place.regionCode ?? '-' } });
      plan.push({
        kind: 'municipality',
        filter: { municipalityId: place.municipalityId ?? '00000000-0000-0000-0000-000000000000' },
      });
      plan.push({ kind: 'org', filter: { orgId: place.orgId ?? '00000000-0000-0000-0000-000000000000' } });
      return plan;
  }
}

/** The ОО rows a viewer may see one by one (individual results, objectivity). */
export function orgFilter(actor: Actor, place: ViewerPlace): LevelFilter {
  switch (actor.role) {
    case 'federal_admin':
      return {};
    case 'region_coordinator':
    case 'spo_region_coordinator':
      return { regionCode: place.regionCode ?? '-' };
    case 'municipal_coordinator':
      return { municipalityId: place.municipalityId ?? '00000000-0000-0000-0000-000000000000' };
    case 'school':
    case 'college':
      return { orgId: place.orgId ?? '00000000-0000-0000-0000-000000000000' };
  }
}
