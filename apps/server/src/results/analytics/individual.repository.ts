import { sql, type Kysely } from 'kysely';
import type { IndividualRow } from '@oko/shared';
import type { DB } from '../../db/schema.ts';
import { orgLoginSql } from '../../materials/materials.repository.ts';
import type { LevelFilter } from './analytics.repository.ts';

export interface IndividualOrg {
  org_id: string;
  login: string;
  name: string;
  municipality: string;
  /** pupils of the ОО in the report (participants and absent) */
  pupils: number;
}

interface DbRow {
  org_id: string;
  code: string;
  class_no: number | null;
  variant: number | null;
  scores: number[] | null;
  total: number | null;
  mark: 2 | 3 | 4 | 5 | null;
  journal: 2 | 3 | 4 | 5 | null;
}

/** «Индивидуальные результаты»: the ОО of a part of the country in report order, then their pupils by code. */
export class IndividualRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async orgs(subjectId: string, f: LevelFilter): Promise<IndividualOrg[]> {
    const r = await sql<IndividualOrg>`
      SELECT o.id::text AS org_id, ${orgLoginSql()} AS login, o.short_name AS name, coalesce(mu.name, '') AS municipality,
        (s.participants + s.absent)::int AS pupils
      FROM results_summary s JOIN orgs o ON o.id = s.org_id LEFT JOIN municipalities mu ON mu.id = o.municipality_id
      WHERE s.subject_id = ${subjectId}::uuid
        ${f.regionCode ? sql`AND o.region_code = ${f.regionCode}` : sql``}
        ${f.municipalityId ? sql`AND o.municipality_id = ${f.municipalityId}::uuid` : sql``}
        ${f.orgId ? sql`AND o.id = ${f.orgId}::uuid` : sql``}
      ORDER BY o.region_code, mu.name, 2`.execute(this.db);
    return r.rows;
  }

  /** The pupils of these ОО, grouped by ОО in the order given. */
  async rows(subjectId: string, orgs: IndividualOrg[]): Promise<Map<string, IndividualRow[]>> {
    const out = new Map<string, IndividualRow[]>(orgs.map((o) => [o.org_id, []]));
    if (orgs.length === 0) return out;
    const r = await sql<DbRow>`
      SELECT org_id::text AS org_id, code, class_no, variant, scores, total, mark, journal FROM results
      WHERE subject_id = ${subjectId}::uuid AND org_id = ANY(${orgs.map((o) => o.org_id)}::uuid[])
      ORDER BY org_id, code`.execute(this.db);
    const byId = new Map(orgs.map((o) => [o.org_id, o]));
    for (const x of r.rows) {
      const o = byId.get(x.org_id)!;
      out.get(x.org_id)!.push({
        orgLogin: o.login,
        municipality: o.municipality,
        orgName: o.name,
        code: x.code,
        classNo: x.class_no,
        variant: x.variant,
        scores: x.scores,
        total: x.total,
        mark: x.mark,
        journal: x.journal,
      });
    }
    return out;
  }
}
