import { sql, type Kysely, type Transaction } from 'kysely';
import type { MaterialsGroup } from '@oko/shared';
import type { DB } from '../db/schema.ts';

export interface SubjectForMaterials {
  id: string;
  campaign_id: string;
  campaign_title: string;
  code: string;
  name: string;
  grade: number;
  materials_group: MaterialsGroup;
  variants: number;
  results_deadline: string;
  storage_id: string | null;
  progress_publication_id: string | null;
}

export interface PendingOrg {
  org_id: string;
  login: string;
  name: string;
  zone: string;
  test_date: string;
}

export interface NewMaterialsFile {
  name: string;
  sha256: string;
  size: number;
  contentType: string;
  availableAt: Date;
}

export interface NewMaterials {
  subjectId: string;
  orgId: string;
  storageId: string;
  variants: number[][];
  archive: NewMaterialsFile;
  criteria: NewMaterialsFile;
  passwordSealed: string | null;
  at: Date;
}

/** The ОО's login: its own account's, else the login its account will get. */
export const orgLoginSql = (o = 'o') =>
  sql<string>`COALESCE((SELECT u.login FROM users u WHERE u.org_id = ${sql.ref(`${o}.id`)}
    ORDER BY u.created_at LIMIT 1), ${sql.ref(`${o}.code`)})`;

/** The ОО's zone: its municipality's, else its region's. */
export const orgZoneSql = (o = 'o') =>
  sql<string>`COALESCE((SELECT m.time_zone FROM municipalities m WHERE m.id = ${sql.ref(`${o}.municipality_id`)}),
    (SELECT r.time_zone FROM regions r WHERE r.code = ${sql.ref(`${o}.region_code`)}))`;

/** SQL of the materials generation: the subject, its bank, the ОО still waiting, the rows written. */
export class MaterialsRepository {
  constructor(readonly db: Kysely<DB>) {}

  transaction<T>(fn: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  async subject(subjectId: string, db: Kysely<DB> = this.db): Promise<SubjectForMaterials | undefined> {
    const r = await sql<SubjectForMaterials>`
      SELECT s.id, s.campaign_id, c.title AS campaign_title, s.code, s.name, s.grade, s.materials_group,
        s.variants, s.results_deadline::text AS results_deadline, s.storage_id, c.progress_publication_id
      FROM subjects s JOIN campaigns c ON c.id = s.campaign_id
      WHERE s.id = ${subjectId}::uuid`.execute(db);
    return r.rows[0];
  }

  tasks(subjectId: string) {
    return this.db
      .selectFrom('subject_tasks')
      .select(['position', 'number', 'max_score'])
      .where('subject_id', '=', subjectId)
      .orderBy('position')
      .execute();
  }

  bank(subjectId: string) {
    return this.db
      .selectFrom('bank_items')
      .select(['position', 'item_no', 'text', 'answer', 'criteria', 'image_sha256'])
      .where('subject_id', '=', subjectId)
      .orderBy('position')
      .orderBy('item_no')
      .execute();
  }

  /** Creates the campaign's «Ход ВПР» publication once, under a row lock so two jobs agree on one. */
  async ensureProgressPublication(campaignId: string, authorId: string | null, at: Date): Promise<string> {
    return this.transaction(async (tx) => {
      const c = await tx
        .selectFrom('campaigns')
        .select(['title', 'progress_publication_id'])
        .where('id', '=', campaignId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (c.progress_publication_id) return c.progress_publication_id;
      const pub = await tx
        .insertInto('publications')
        .values({
          section: 'vpr',
          title: `Ход ВПР — ${c.title}`,
          body:
            'Материалы для проведения ВПР вашей ОО: архивы с вариантами, шифры к ним, критерии оценивания, ' +
            'коды участников и макеты бумажного протокола. Каждый файл открывается в свой срок, ' +
            'указанный по местному и московскому времени.',
          author_id: authorId,
          owner_region_code: null,
          audience_roles: ['school', 'region_coordinator', 'municipal_coordinator'],
          audience_region_codes: null,
          audience_org_ids: null,
          published_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.updateTable('campaigns').set({ progress_publication_id: pub.id }).where('id', '=', campaignId).execute();
      return pub.id;
    });
  }

  /** One storage per subject inside «Ход ВПР», created once. */
  async ensureSubjectStorage(subject: SubjectForMaterials, publicationId: string): Promise<string> {
    return this.transaction(async (tx) => {
      const s = await tx
        .selectFrom('subjects')
        .select('storage_id')
        .where('id', '=', subject.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (s.storage_id) return s.storage_id;
      const storage = await tx
        .insertInto('storages')
        .values({
          publication_id: publicationId,
          title: `${subject.name}, ${subject.grade} класс (${subject.code})`,
          position: subject.grade * 100,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.updateTable('subjects').set({ storage_id: storage.id }).where('id', '=', subject.id).execute();
      return storage.id;
    });
  }

  async counts(subjectId: string): Promise<{ scheduled: number; generated: number }> {
    const r = await sql<{ scheduled: number; generated: number }>`
      SELECT
        (SELECT count(*)::int FROM schedule_entries e JOIN orgs o ON o.id = e.org_id
          WHERE e.subject_id = ${subjectId}::uuid AND o.status = 'active') AS scheduled,
        (SELECT count(*)::int FROM materials m WHERE m.subject_id = ${subjectId}::uuid) AS generated`.execute(this.db);
    return r.rows[0]!;
  }

  /** Active ОО scheduled for the subject and still without materials, in a stable order. */
  async pending(subjectId: string, limit: number): Promise<PendingOrg[]> {
    const r = await sql<PendingOrg>`
      SELECT o.id AS org_id, ${orgLoginSql()} AS login, o.short_name AS name, ${orgZoneSql()} AS zone,
        e.test_date::text AS test_date
      FROM schedule_entries e JOIN orgs o ON o.id = e.org_id
      WHERE e.subject_id = ${subjectId}::uuid AND o.status = 'active'
        AND NOT EXISTS (SELECT 1 FROM materials m WHERE m.subject_id = e.subject_id AND m.org_id = e.org_id)
      ORDER BY o.code
      LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  /**
   * The files and the materials row of several ОО in one transaction. An ОО that got its materials
   * meanwhile (a second run of the job) keeps the first ones: nothing is written twice.
   */
  async insertMaterials(rows: NewMaterials[]): Promise<number> {
    if (rows.length === 0) return 0;
    return this.transaction(async (tx) => {
      const taken = await tx
        .selectFrom('materials')
        .select('org_id')
        .where('subject_id', '=', rows[0]!.subjectId)
        .where(
          'org_id',
          'in',
          rows.map((r) => r.orgId),
        )
        .forUpdate()
        .execute();
      const skip = new Set(taken.map((t) => t.org_id));
      const fresh = rows.filter((r) => !skip.has(r.orgId));
      if (fresh.length === 0) return 0;
      const blobs = new Map<string, number>();
      for (const r of fresh) for (const f of [r.archive, r.criteria]) blobs.set(f.sha256, f.size);
      await tx
        .insertInto('blobs')
        .values([...blobs].map(([sha256, size]) => ({ sha256, size })))
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      const files = await tx
        .insertInto('storage_files')
        .values(
          fresh.flatMap((r) =>
            [r.archive, r.criteria].map((f) => ({
              storage_id: r.storageId,
              name: f.name,
              sha256: f.sha256,
              size: f.size,
              content_type: f.contentType,
              only_for_orgs: true,
              org_id: r.orgId,
              available_at: f.availableAt,
              available_local: null,
            })),
          ),
        )
        .returning(['id', 'org_id', 'name'])
        .execute();
      const fileId = new Map(files.map((f) => [`${f.org_id}|${f.name}`, f.id]));
      const idOf = (r: NewMaterials, f: NewMaterialsFile) => fileId.get(`${r.orgId}|${f.name}`)!;
      await tx
        .insertInto('materials')
        .values(
          fresh.map((r) => ({
            subject_id: r.subjectId,
            org_id: r.orgId,
            variants: JSON.stringify(r.variants),
            archive_file_id: idOf(r, r.archive),
            criteria_file_id: idOf(r, r.criteria),
            password_sealed: r.passwordSealed,
            generated_at: r.at,
          })),
        )
        .execute();
      return fresh.length;
    });
  }
}
