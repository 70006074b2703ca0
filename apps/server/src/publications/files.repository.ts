import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { fileOrgVisible, isOrgRole, orgGoverned, publicationVisible } from '../access/visibility.ts';
import type { DB } from '../db/schema.ts';
import { availableFrom, orgReached } from './audience.sql.ts';

export interface FileRow {
  id: string;
  storage_id: string;
  name: string;
  sha256: string;
  size: string;
  only_for_orgs: boolean;
  org_id: string | null;
  org_login: string | null;
  content_type: string;
  created_at: Date;
  available_from: Date | null;
  last_downloaded_at: Date | null;
}

export interface NewFile {
  name: string;
  sha256: string;
  size: number;
  contentType: string;
  orgId: string | null;
  onlyForOrgs: boolean;
  availableAt: Date | null;
  availableLocal: string | null;
}

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Stored files as one caller sees them: one query per list, whatever the number of files. */
export class FilesRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Files of storages visible to the actor, with when each opens for it. An ОО does not see a file
   * before it opens (not even its name); coordinators do, with the moment.
   */
  private visible(actor: Actor, now: Date) {
    const from = availableFrom(actor);
    let q = this.db
      .selectFrom('storage_files as f')
      .innerJoin('storages as s', 's.id', 'f.storage_id')
      .innerJoin('publications', 'publications.id', 's.publication_id')
      .leftJoin('orgs as fo', 'fo.id', 'f.org_id')
      .leftJoin('municipalities as fm', 'fm.id', 'fo.municipality_id')
      .leftJoin('regions as fr', 'fr.code', 'fo.region_code')
      .where(publicationVisible(actor))
      .where(fileOrgVisible(actor, 'f'))
      .select([
        'f.id',
        'f.storage_id',
        'f.name',
        'f.sha256',
        'f.size',
        'f.only_for_orgs',
        'f.org_id',
        'f.content_type',
        'f.created_at',
        from.as('available_from'),
      ]);
    if (isOrgRole(actor)) q = q.where(sql<boolean>`(${from} IS NULL OR ${from} <= ${now})`);
    return q;
  }

  /**
   * What is shown beside each file of a page: the ОО login of an individual file and the caller's
   * last download. Computed on the page's rows only, after the paging has cut them down.
   */
  private extras(actor: Actor) {
    return [
      sql<string | null>`(SELECT u.login FROM users u WHERE u.org_id = x.org_id)`.as('org_login'),
      sql<Date | null>`(SELECT max(d.at) FROM file_downloads d
        WHERE d.file_id = x.id AND d.user_id = ${actor.userId}::uuid)`.as('last_downloaded_at'),
    ];
  }

  /** One page of a storage's files, searched by name. */
  async page(
    actor: Actor,
    now: Date,
    storageId: string,
    opts: { q?: string | undefined; page: number; pageSize: number },
  ): Promise<{ items: FileRow[]; total: number }> {
    let base = this.visible(actor, now).where('f.storage_id', '=', storageId);
    const q = opts.q?.trim();
    if (q) base = base.where(sql<boolean>`f.name ILIKE ${`%${escapeLike(q)}%`} ESCAPE '\\'`);
    const rows = await this.db
      .selectFrom(base.as('x'))
      .selectAll('x')
      .select([...this.extras(actor), sql<string>`count(*) OVER ()`.as('total')])
      .orderBy('x.name')
      .orderBy('x.id')
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize)
      .execute();
    if (rows.length > 0 || opts.page === 1) return { items: rows, total: Number(rows[0]?.total ?? 0) };
    // past the last page: the window count came back with no row to carry it
    const counted = await this.db
      .selectFrom(base.as('x'))
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return { items: [], total: Number(counted.n) };
  }

  /** The first page of each storage, and each storage's total: one query for a whole publication list. */
  async firstPages(
    actor: Actor,
    now: Date,
    storageIds: string[],
    pageSize: number,
  ): Promise<(FileRow & { total: string })[]> {
    if (storageIds.length === 0) return [];
    const ranked = this.visible(actor, now)
      .where('f.storage_id', 'in', storageIds)
      .select([
        sql<string>`row_number() OVER (PARTITION BY f.storage_id ORDER BY f.name, f.id)`.as('rn'),
        sql<string>`count(*) OVER (PARTITION BY f.storage_id)`.as('total'),
      ]);
    return this.db
      .selectFrom(ranked.as('x'))
      .selectAll('x')
      .select(this.extras(actor))
      .where(sql<boolean>`x.rn <= ${pageSize}`)
      .orderBy('x.storage_id')
      .orderBy('x.rn')
      .execute();
  }

  async one(actor: Actor, now: Date, fileId: string): Promise<FileRow | undefined> {
    return this.db
      .selectFrom(this.visible(actor, now).where('f.id', '=', fileId).as('x'))
      .selectAll('x')
      .select(this.extras(actor))
      .executeTakeFirst();
  }

  /** Every file of a storage the actor sees, in name order (the ZIP decides which it may take). */
  async allOf(actor: Actor, now: Date, storageId: string): Promise<FileRow[]> {
    const rows = await this.visible(actor, now).where('f.storage_id', '=', storageId).orderBy('f.name').execute();
    return rows.map((r) => ({ ...r, org_login: null, last_downloaded_at: null }));
  }

  async recordDownloads(fileIds: string[], actor: Actor, at: Date): Promise<void> {
    if (fileIds.length === 0) return;
    await this.db
      .insertInto('file_downloads')
      .values(fileIds.map((id) => ({ file_id: id, user_id: actor.userId, org_id: actor.orgId, at })))
      .execute();
  }

  /** ОО among the publication's audience, governed by the uploader, whose accounts carry these logins. */
  async audienceOrgsByLogin(actor: Actor, publicationId: string, logins: string[]): Promise<Map<string, string>> {
    if (logins.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('users as u')
      .innerJoin('orgs as o', 'o.id', 'u.org_id')
      .innerJoin('publications as p', (j) => j.on('p.id', '=', publicationId))
      .select(['u.login', 'o.id'])
      .where('u.login', 'in', logins)
      .where('u.role', 'in', ['school', 'college'])
      .where(orgReached('p', 'o'))
      .where(orgGoverned(actor, 'o'))
      .execute();
    return new Map(rows.map((r) => [r.login, r.id]));
  }

  async insert(trx: Transaction<DB>, storageId: string, files: NewFile[]): Promise<void> {
    await trx
      .insertInto('storage_files')
      .values(
        files.map((f) => ({
          storage_id: storageId,
          name: f.name,
          sha256: f.sha256,
          size: f.size,
          content_type: f.contentType,
          org_id: f.orgId,
          only_for_orgs: f.onlyForOrgs,
          available_at: f.availableAt,
          available_local: f.availableLocal,
        })),
      )
      .execute();
  }
}
