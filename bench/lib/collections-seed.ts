// Seeds the database of a collection bench before the server starts (see collections-server.ts):
// thousands of schools with accounts and, for the export, a collection with
// one submission per school — all inserted with set-based SQL (generate_series), not over HTTP.
import type { ColumnDef, FormTemplate } from '@oko/shared';
import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../../apps/server/src/auth/passwords.ts';
import type { DB } from '../../apps/server/src/db/schema.ts';

export const BENCH_PASSWORD = 'Bench-Password-2026';
/** Regions the demo leaves empty: 8,000 schools fit in each (codes RR1001…RR8999). */
const BENCH_REGIONS = ['50', '52', '54', '61', '66', '16', '23', '74'];
const MUNICIPALITIES_PER_REGION = 40;
const ORGS_PER_MUNICIPALITY = 200;
export const EXPORT_TITLE = 'Бенч: выгрузка результатов';

/**
 * `count` active schools with one account each (login schRRNNNN, all with BENCH_PASSWORD: one argon2
 * hash reused), spread over municipalities of the bench regions. Returns the logins in code order.
 */
export async function seedSchools(db: Kysely<DB>, count: number): Promise<string[]> {
  const perRegion = MUNICIPALITIES_PER_REGION * ORGS_PER_MUNICIPALITY;
  const regions = BENCH_REGIONS.slice(0, Math.ceil(count / perRegion));
  if (regions.length * perRegion < count) throw new Error(`не больше ${BENCH_REGIONS.length * perRegion} школ`);
  const hash = await hashPassword(BENCH_PASSWORD);
  await sql`
    INSERT INTO municipalities (region_code, code, name)
    SELECT r, lpad(m::text, 3, '0'), 'Бенч-округ ' || m
    FROM unnest(${regions}::text[]) r, generate_series(101, ${100 + MUNICIPALITIES_PER_REGION}) m`.execute(db);
  await sql`
    INSERT INTO orgs (region_code, municipality_id, code, kind, full_name, short_name)
    SELECT m.region_code, m.id,
      m.region_code || lpad((1000 + (m.code::int - 101) * ${ORGS_PER_MUNICIPALITY} + i)::text, 4, '0'),
      'school', 'Муниципальное бюджетное общеобразовательное учреждение средняя школа № ' || i, 'МБОУ СОШ № ' || i
    FROM municipalities m, generate_series(1, ${ORGS_PER_MUNICIPALITY}) i
    WHERE m.name LIKE 'Бенч-округ %'
    ORDER BY m.region_code, m.code, i
    LIMIT ${count}`.execute(db);
  const res = await sql<{ login: string }>`
    INSERT INTO users (login, password_hash, role, region_code, municipality_id, org_id, must_change_password)
    SELECT 'sch' || o.code, ${hash}, 'school', o.region_code, o.municipality_id, o.id, false
    FROM orgs o JOIN municipalities m ON m.id = o.municipality_id
    WHERE m.name LIKE 'Бенч-округ %'
    RETURNING login`.execute(db);
  return res.rows.map((r) => r.login).sort();
}

/** A one-sheet form of `columns` columns (integers, every fifth a text), one fixed row per school. */
export function wideTemplate(columns: number): FormTemplate {
  const cols: ColumnDef[] = Array.from({ length: columns }, (_, i) =>
    i % 5 === 4
      ? { key: `c${i + 1}`, title: `Комментарий ${i + 1}`, kind: 'text' }
      : { key: `c${i + 1}`, title: `Показатель ${i + 1}`, kind: 'integer', min: 0, max: 1_000_000 },
  );
  return {
    code: `bench-wide-${columns}`,
    title: EXPORT_TITLE,
    instruction: 'Форма для замера выгрузки.',
    dictionaries: {},
    sheets: [
      {
        key: 'main',
        title: 'Показатели',
        rows: { mode: 'fixed', labelTitle: 'Раздел', rows: [{ key: 'all', label: 'Все показатели' }] },
        columns: cols,
      },
    ],
  };
}

/**
 * A collection of the wide form, submitted once by every bench school: the stored data is one JSON
 * built here, varied per school in SQL (its code in the first text column, a number in the first).
 */
export async function seedSubmissions(db: Kysely<DB>, columns: number): Promise<{ orgs: number }> {
  const template = wideTemplate(columns);
  const row: Record<string, string | number> = { _row: 'all' };
  template.sheets[0]!.columns.forEach((c, i) => {
    row[c.key] = c.kind === 'text' ? `значение ${i + 1} — обычный текст ответа` : (i + 1) * 37;
  });
  const base = JSON.stringify({ main: [row] });
  const { id: templateId } = await db
    .insertInto('form_templates')
    .values({ code: template.code, title: template.title, definition: JSON.stringify(template) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const now = Date.now();
  const { id: collectionId } = await db
    .insertInto('collections')
    .values({
      template_id: templateId,
      title: EXPORT_TITLE,
      opens_at: new Date(now - 86_400_000),
      closes_at: new Date(now + 30 * 86_400_000),
      org_kinds: ['school'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const firstText = template.sheets[0]!.columns.find((c) => c.kind === 'text')!.key;
  const benchOrgs = sql`SELECT o.id, o.code FROM orgs o JOIN municipalities m ON m.id = o.municipality_id
    WHERE m.name LIKE 'Бенч-округ %'`;
  await sql`
    INSERT INTO form_submissions (collection_id, org_id, number, data, source, submitted_at)
    SELECT ${collectionId}, b.id, 1,
      jsonb_set(jsonb_set(${base}::jsonb, '{main,0,c1}', to_jsonb(b.code::int)),
        ${`{main,0,${firstText}}`}::text[], to_jsonb('школа ' || b.code)),
      'online', now()
    FROM (${benchOrgs}) b`.execute(db);
  const res = await sql`
    INSERT INTO form_entries (collection_id, org_id, data, version, started_at, updated_at, submitted_at)
    SELECT s.collection_id, s.org_id, s.data, 2, s.submitted_at, s.submitted_at, s.submitted_at
    FROM form_submissions s WHERE s.collection_id = ${collectionId}`.execute(db);
  return { orgs: Number(res.numAffectedRows ?? 0) };
}
