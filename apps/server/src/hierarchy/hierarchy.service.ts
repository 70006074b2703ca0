import { canIssueTo, type Org, type OrgKind } from '@oko/shared';
import type { Actor } from '../access/actor.ts';
import { municipalityScope, orgScope } from '../access/scope-rules.ts';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.ts';
import type { HierarchyRepository } from './hierarchy.repository.ts';

type OrgRow = Awaited<ReturnType<HierarchyRepository['listOrgs']>>[number];
type MunicipalityRow = Awaited<ReturnType<HierarchyRepository['listMunicipalities']>>[number];

const toOrg = (o: OrgRow): Org => ({
  id: o.id,
  regionCode: o.region_code,
  municipalityId: o.municipality_id,
  municipalityName: o.municipality_name,
  code: o.code,
  kind: o.kind,
  fullName: o.full_name,
  shortName: o.short_name,
  status: o.status,
  login: o.login,
});

const toMunicipality = (m: MunicipalityRow) => ({
  id: m.id,
  regionCode: m.region_code,
  code: m.code,
  name: m.name,
  timeZone: m.time_zone,
  timeZoneOverride: m.time_zone_override,
  orgs: m.orgs,
  coordinatorLogin: m.coordinator_login,
});

const validZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export class HierarchyService {
  constructor(private readonly deps: { repo: HierarchyRepository }) {}

  async listRegions() {
    const rows = await this.deps.repo.listRegions();
    return { regions: rows.map(toRegion) };
  }

  /** Scope of the code is checked by the route. */
  async region(code: string) {
    const [row] = await this.deps.repo.listRegions([code]);
    if (!row) throw notFound('Регион не найден');
    return toRegion(row);
  }

  async municipalitiesOfRegion(regionCode: string) {
    const rows = await this.deps.repo.listMunicipalities({ regionCode });
    return { municipalities: rows.map(toMunicipality) };
  }

  /** The municipalities the actor governs, for a coordinator's home page. */
  async myMunicipalities(actor: Actor) {
    const s = municipalityScope(actor);
    if (s === 'none') return { municipalities: [] };
    const rows = await this.deps.repo.listMunicipalities(
      s === 'all' ? {} : { regionCode: s.regionCode, ids: s.municipalityId ? [s.municipalityId] : undefined },
    );
    return { municipalities: rows.map(toMunicipality) };
  }

  async municipality(id: string) {
    const [row] = await this.deps.repo.listMunicipalities({ ids: [id] });
    if (!row) throw notFound('Муниципалитет не найден');
    return toMunicipality(row);
  }

  async createMunicipality(
    regionCode: string,
    input: { code: string; name: string; timeZone?: string | null | undefined },
  ) {
    if (input.timeZone && !validZone(input.timeZone)) {
      throw badRequest(`Неизвестный часовой пояс: ${input.timeZone}`);
    }
    const id = await this.deps.repo.insertMunicipality({
      regionCode,
      code: input.code,
      name: input.name,
      timeZone: input.timeZone ?? null,
    });
    if (!id) throw conflict(`Муниципалитет с кодом ${input.code} уже есть в регионе ${regionCode}`);
    return this.municipality(id);
  }

  /** Every ОО the actor governs (a school sees itself). */
  async listOrgs(actor: Actor, municipalityId?: string) {
    const s = orgScope(actor);
    if (s === 'none') return { orgs: [] };
    const filter = s === 'all' ? {} : { ...s, ids: s.orgId ? [s.orgId] : undefined };
    const rows = await this.deps.repo.listOrgs({ ...filter, ...(municipalityId ? { municipalityId } : {}) });
    return { orgs: rows.map(toOrg) };
  }

  async org(id: string) {
    const [row] = await this.deps.repo.listOrgs({ ids: [id] });
    if (!row) throw notFound('Организация не найдена');
    return toOrg(row);
  }

  async createOrg(
    actor: Actor,
    municipalityId: string,
    input: { code: string; kind: OrgKind; fullName: string; shortName: string },
  ) {
    if (actor.role !== 'federal_admin' && !canIssueTo(actor.role, input.kind)) {
      throw forbidden(
        input.kind === 'college'
          ? 'Организации СПО ведёт региональный координатор ВПР СПО'
          : 'Школы ведут региональный и муниципальные координаторы ВПР',
      );
    }
    const m = await this.deps.repo.municipality(municipalityId);
    if (!m) throw notFound('Муниципалитет не найден');
    if (!input.code.startsWith(m.region_code)) {
      throw badRequest(`Код ОО должен начинаться с кода региона ${m.region_code}`, [
        { path: 'body.code', message: `Код ОО должен начинаться с ${m.region_code}` },
      ]);
    }
    const id = await this.deps.repo.insertOrg({ ...input, regionCode: m.region_code, municipalityId });
    if (!id) throw conflict(`ОО с кодом ${input.code} уже существует`);
    return this.org(id);
  }
}

function toRegion(r: Awaited<ReturnType<HierarchyRepository['listRegions']>>[number]) {
  return {
    code: r.code,
    name: r.name,
    timeZone: r.time_zone,
    municipalities: r.municipalities,
    orgs: r.orgs,
    accounts: r.accounts,
  };
}
