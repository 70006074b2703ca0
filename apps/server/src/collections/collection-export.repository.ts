import { sql, type Kysely } from 'kysely';
import type { OrgScope, Scope } from '../access/scope-rules.ts';
import type { DB } from '../db/schema.ts';
import { assignedTo, orgInScope } from './collection-sql.ts';

export interface ExportRow {
  code: string;
  login: string | null;
  region_code: string;
  region_name: string;
  municipality: string;
  name: string;
  submitted_at: Date;
  /** the sheet's rows of the ОО's last submission */
  rows: unknown;
}

/**
 * The export reads submissions in batches ordered by ОО code (keyset: each batch starts after the
 * last code of the previous one), one sheet at a time, so memory holds one batch whatever the size.
 */
export class CollectionExportRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** ОО of the scope that have submitted at least once: the rows of the export. */
  async countSubmitted(collectionId: string, scope: Scope<OrgScope>): Promise<number> {
    const res = await sql<{ n: number }>`
      SELECT count(*)::int AS n
      FROM collections c
      JOIN orgs o ON ${assignedTo('o', 'c')}
      JOIN form_entries e ON e.collection_id = c.id AND e.org_id = o.id
      WHERE c.id = ${collectionId} AND o.status = 'active' AND e.submitted_at IS NOT NULL
        AND ${orgInScope(scope, 'o')}`.execute(this.db);
    return res.rows[0]?.n ?? 0;
  }

  /**
   * The next page of ОО (by code, after `afterCode`) and, for those that submitted, the given sheet of
   * their last submission. The page of ОО is chosen first from the orgs index alone, so a batch never
   * touches more submissions than its own, whatever the planner knows about the tables.
   * `lastCode` is null when no ОО is left.
   */
  async batch(
    collectionId: string,
    scope: Scope<OrgScope>,
    sheetKey: string,
    afterCode: string,
    limit: number,
  ): Promise<{ rows: ExportRow[]; lastCode: string | null }> {
    const res = await sql<ExportRow & { last_code: string }>`
      WITH page AS MATERIALIZED (
        SELECT o.id, o.code, o.region_code, o.municipality_id, o.full_name, c.id AS collection_id
        FROM collections c JOIN orgs o ON ${assignedTo('o', 'c')}
        WHERE c.id = ${collectionId} AND o.status = 'active' AND o.code > ${afterCode}
          AND ${orgInScope(scope, 'o')}
        ORDER BY o.code
        LIMIT ${limit}
      )
      SELECT p.code::text AS code, u.login, p.region_code::text AS region_code, r.name AS region_name,
        m.name AS municipality, p.full_name AS name, ls.submitted_at, ls.data -> ${sheetKey} AS rows,
        (SELECT max(code)::text FROM page) AS last_code
      FROM page p
      JOIN municipalities m ON m.id = p.municipality_id
      JOIN regions r ON r.code = p.region_code
      LEFT JOIN users u ON u.org_id = p.id
      LEFT JOIN LATERAL (
        SELECT s.submitted_at, s.data FROM form_submissions s
        WHERE s.collection_id = p.collection_id AND s.org_id = p.id
        ORDER BY s.number DESC LIMIT 1
      ) ls ON true
      ORDER BY p.code`.execute(this.db);
    const lastCode = res.rows[0]?.last_code ?? null;
    const rows = res.rows.filter((r) => r.submitted_at !== null).map(({ last_code: _last, ...row }) => row);
    return { rows, lastCode };
  }
}
