// Materials for more schools than the timed generation reached, written with SQL: the 07:30 bench
// needs a thousand ОО holding a sealed password, and waiting for the generator to get there would
// measure the generator again. Each filled ОО gets its own files rows pointing at the blobs of one
// generated archive, and its own password, sealed with the server's key (DATA_DIR/secrets).
import { sql } from 'kysely';
import { newArchivePassword, PasswordSeal } from '../../apps/server/src/materials/password-seal.ts';
import type { MaterialsSite } from './materials-site.ts';

export interface FillFigures {
  /** ОО with materials made by the server's job */
  generated: number;
  /** ОО given copies here */
  filled: number;
}

/** Tops the subject's materials up to `count` ОО (in code order, as the job goes); the server must be stopped. */
export async function fillMaterials(site: MaterialsSite, count: number): Promise<FillFigures> {
  if (site.server) throw new Error('fillMaterials: сначала остановите сервер');
  const { subjectId } = site.campaign;
  const db = site.db;
  const template = await sql<{
    variants: unknown;
    archive_sha: string;
    archive_size: string;
    archive_name: string;
    archive_at: Date;
    criteria_sha: string;
    criteria_size: string;
    criteria_name: string;
    criteria_at: Date;
    storage_id: string;
    login: string;
  }>`
    SELECT m.variants, a.sha256 AS archive_sha, a.size AS archive_size, a.name AS archive_name,
      a.available_at AS archive_at, c.sha256 AS criteria_sha, c.size AS criteria_size, c.name AS criteria_name,
      c.available_at AS criteria_at, a.storage_id, u.login
    FROM materials m JOIN storage_files a ON a.id = m.archive_file_id JOIN storage_files c ON c.id = m.criteria_file_id
    JOIN users u ON u.org_id = m.org_id
    WHERE m.subject_id = ${subjectId}::uuid AND m.password_sealed IS NOT NULL
    ORDER BY u.login LIMIT 1`.execute(db);
  const t = template.rows[0];
  if (!t) throw new Error('нет ни одного сгенерированного архива: копировать нечего');
  const have = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM materials WHERE subject_id = ${subjectId}::uuid`.execute(db);
  const generated = have.rows[0]!.n;
  if (generated >= count) return { generated, filled: 0 };

  const pending = await sql<{ org_id: string; login: string }>`
    SELECT o.id AS org_id, u.login FROM schedule_entries e JOIN orgs o ON o.id = e.org_id
    JOIN users u ON u.org_id = o.id
    WHERE e.subject_id = ${subjectId}::uuid
      AND NOT EXISTS (SELECT 1 FROM materials m WHERE m.subject_id = e.subject_id AND m.org_id = e.org_id)
    ORDER BY o.code LIMIT ${count - generated}`.execute(db);
  const orgIds = pending.rows.map((r) => r.org_id);
  // the job names files after the ОО's login: keep that, so a download looks like a real one
  const rename = (name: string, login: string) => name.replace(t.login, login);
  const archiveNames = pending.rows.map((r) => rename(t.archive_name, r.login));
  const criteriaNames = pending.rows.map((r) => rename(t.criteria_name, r.login));
  const seal = PasswordSeal.fromDataDir(site.site.dataDir);
  const sealed = pending.rows.map(() => seal.seal(newArchivePassword()));

  await db.transaction().execute(async (tx) => {
    await sql`
      WITH input AS (
        SELECT * FROM unnest(${orgIds}::uuid[], ${archiveNames}::text[], ${criteriaNames}::text[], ${sealed}::text[])
          AS i(org_id, archive_name, criteria_name, sealed)
      ), archives AS (
        INSERT INTO storage_files (storage_id, name, sha256, size, content_type, only_for_orgs, org_id, available_at)
        SELECT ${t.storage_id}::uuid, archive_name, ${t.archive_sha}, ${t.archive_size}::bigint, 'application/zip',
          true, org_id, ${t.archive_at}::timestamptz
        FROM input RETURNING id, org_id
      ), criteria AS (
        INSERT INTO storage_files (storage_id, name, sha256, size, content_type, only_for_orgs, org_id, available_at)
        SELECT ${t.storage_id}::uuid, criteria_name, ${t.criteria_sha}, ${t.criteria_size}::bigint, 'application/pdf',
          true, org_id, ${t.criteria_at}::timestamptz
        FROM input RETURNING id, org_id
      )
      INSERT INTO materials (subject_id, org_id, variants, archive_file_id, criteria_file_id, password_sealed, generated_at)
      SELECT ${subjectId}::uuid, i.org_id, ${JSON.stringify(t.variants)}::jsonb, a.id, c.id, i.sealed, now()
      FROM input i JOIN archives a ON a.org_id = i.org_id JOIN criteria c ON c.org_id = i.org_id`.execute(tx);
  });
  return { generated, filled: orgIds.length };
}
