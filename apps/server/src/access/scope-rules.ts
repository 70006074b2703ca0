import type { OrgKind, Role } from '@oko/shared';
import type { Actor } from './actor.ts';

/**
 * The hierarchy's rules as data: which part of the country an actor governs. ScopeRepository turns
 * them into SQL for id checks, and list queries use the same rules, so a list can never show more
 * than an id check would allow.
 */
export type Scope<F> = 'all' | 'none' | F;

export interface OrgScope {
  regionCode?: string;
  municipalityId?: string;
  kinds?: OrgKind[];
  orgId?: string;
}

export interface AccountScope {
  roles: Role[];
  regionCode?: string;
  municipalityId?: string;
}

export interface MunicipalityScope {
  regionCode?: string;
  municipalityId?: string;
}

const need = (v: string | null): string => {
  if (!v) throw new Error('account is missing its place in the hierarchy');
  return v;
};

export function regionScope(actor: Actor): Scope<{ regionCode: string }> {
  switch (actor.role) {
    case 'federal_admin':
      return 'all';
    case 'region_coordinator':
    case 'spo_region_coordinator':
      return { regionCode: need(actor.regionCode) };
    case 'municipal_coordinator':
    case 'school':
    case 'college':
      return 'none';
  }
}

export function municipalityScope(actor: Actor): Scope<MunicipalityScope> {
  switch (actor.role) {
    case 'federal_admin':
      return 'all';
    case 'region_coordinator':
    case 'spo_region_coordinator':
      return { regionCode: need(actor.regionCode) };
    case 'municipal_coordinator':
      return { municipalityId: need(actor.municipalityId) };
    case 'school':
    case 'college':
      return 'none';
  }
}

/** ВПР coordinators govern schools; the СПО coordinator governs colleges. */
export function orgScope(actor: Actor): Scope<OrgScope> {
  switch (actor.role) {
    case 'federal_admin':
      return 'all';
    case 'region_coordinator':
      return { regionCode: need(actor.regionCode), kinds: ['school'] };
    case 'spo_region_coordinator':
      return { regionCode: need(actor.regionCode), kinds: ['college'] };
    case 'municipal_coordinator':
      return { municipalityId: need(actor.municipalityId), kinds: ['school'] };
    case 'school':
    case 'college':
      return { orgId: need(actor.orgId) };
  }
}

/** The accounts an actor manages: those it issues credentials to, inside its part of the country. */
export function accountScope(actor: Actor): Scope<AccountScope> {
  switch (actor.role) {
    case 'federal_admin':
      return { roles: ['region_coordinator', 'spo_region_coordinator'] };
    case 'region_coordinator':
      return { roles: ['municipal_coordinator', 'school'], regionCode: need(actor.regionCode) };
    case 'spo_region_coordinator':
      return { roles: ['college'], regionCode: need(actor.regionCode) };
    case 'municipal_coordinator':
      return { roles: ['school'], municipalityId: need(actor.municipalityId) };
    case 'school':
    case 'college':
      return 'none';
  }
}
