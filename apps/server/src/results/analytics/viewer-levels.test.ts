import type { Role } from '@oko/shared';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor.ts';
import { defaultDetail, levelPlan, orgFilter } from './viewer-levels.ts';

const actor = (role: Role): Actor => ({
  userId: 'u',
  login: 'l',
  role,
  regionCode: role === 'federal_admin' ? null : '39',
  municipalityId: role === 'municipal_coordinator' ? 'm1' : null,
  orgId: role === 'school' ? 'o1' : null,
  mustChangePassword: false,
  sessionId: 's',
  csrfToken: 'c',
});
const place = { regionCode: '39', municipalityId: 'm1', orgId: 'o1' };

describe('which level rows a viewer gets', () => {
  it('gives a school the sums above it and its own row only', () => {
    expect(levelPlan(actor('school'), place, 'orgs')).toEqual([
      { kind: 'all', filter: {} },
      { kind: 'region', filter: { regionCode: '39' } },
      { kind: 'municipality', filter: { municipalityId: 'm1' } },
      { kind: 'org', filter: { orgId: 'o1' } },
    ]);
    expect(orgFilter(actor('school'), place)).toEqual({ orgId: 'o1' });
  });

  it('cuts every level below the coordinator to its own part of the country', () => {
    expect(levelPlan(actor('municipal_coordinator'), place, 'orgs').slice(2)).toEqual([
      { kind: 'municipality', filter: { municipalityId: 'm1' } },
      { kind: 'org', filter: { municipalityId: 'm1' } },
    ]);
    expect(
      levelPlan(actor('region_coordinator'), place, 'orgs')
        .slice(1)
        .map((p) => p.filter),
    ).toEqual([{ regionCode: '39' }, { regionCode: '39' }, { regionCode: '39' }]);
    expect(levelPlan(actor('federal_admin'), place, 'regions').map((p) => p.kind)).toEqual(['all', 'region']);
  });

  it('looks from the level below the viewer by default', () => {
    expect(
      (['federal_admin', 'region_coordinator', 'municipal_coordinator', 'school'] as Role[]).map((r) =>
        defaultDetail(actor(r)),
      ),
    ).toEqual(['regions', 'municipalities', 'orgs', 'orgs']);
  });
});
