import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { collectionVisible, isOrgRole, publicationVisible } from '../access/visibility.ts';
import type { DB, PublicationsTable, Section } from '../db/schema.ts';

export type PublicationRow = Selectable<PublicationsTable>;

export interface StorageRow {
  id: string;
  publication_id: string;
  title: string;
  position: number;
}

export interface CollectionBlockRow {
  id: string;
  publication_id: string;
  title: string;
  opens_at: Date;
  closes_at: Date;
  /** an ОО caller's exception keeping the collection open */
  open_until: Date | null;
  entry_exists: boolean;
  entry_submitted_at: Date | null;
  last_submitted_at: Date | null;
}

export interface NewPublication {
  section: Section;
  title: string;
  body: string;
  authorId: string;
  ownerRegionCode: string | null;
  roles: string[];
  regionCodes: string[] | null;
  orgIds: string[] | null;
  publishedAt: Date;
}

export class PublicationsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  list(actor: Actor, section: Section | undefined, limit: number): Promise<PublicationRow[]> {
    let q = this.db.selectFrom('publications').selectAll().where(publicationVisible(actor));
    if (section) q = q.where('section', '=', section);
    return q.orderBy('published_at', 'desc').orderBy('id').limit(limit).execute();
  }

  get(id: string, db: Kysely<DB> = this.db): Promise<PublicationRow | undefined> {
    return db.selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirst();
  }

  storagesOf(publicationIds: string[], db: Kysely<DB> = this.db): Promise<StorageRow[]> {
    if (publicationIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('storages')
      .select(['id', 'publication_id', 'title', 'position'])
      .where('publication_id', 'in', publicationIds)
      .orderBy('position')
      .orderBy('title')
      .execute();
  }

  /** A storage with the publication it belongs to. */
  storage(storageId: string) {
    return this.db
      .selectFrom('storages as s')
      .innerJoin('publications as p', 'p.id', 's.publication_id')
      .select([
        's.id',
        's.title',
        's.publication_id',
        'p.owner_region_code',
        'p.section',
        'p.title as publication_title',
      ])
      .where('s.id', '=', storageId)
      .executeTakeFirst();
  }

  /** The data collection blocks of these publications, with an ОО caller's own progress. */
  collectionBlocks(actor: Actor, publicationIds: string[]): Promise<CollectionBlockRow[]> {
    if (publicationIds.length === 0) return Promise.resolve([]);
    const org = isOrgRole(actor) ? actor.orgId : null;
    return this.db
      .selectFrom('collections as c')
      .leftJoin('form_entries as fe', (j) => j.onRef('fe.collection_id', '=', 'c.id').on('fe.org_id', '=', org))
      .leftJoin('collection_exceptions as ce', (j) =>
        j.onRef('ce.collection_id', '=', 'c.id').on('ce.org_id', '=', org),
      )
      .select([
        'c.id',
        sql<string>`c.publication_id`.as('publication_id'),
        'c.title',
        'c.opens_at',
        'c.closes_at',
        'ce.open_until',
        sql<boolean>`fe.org_id IS NOT NULL`.as('entry_exists'),
        'fe.submitted_at as entry_submitted_at',
        sql<Date | null>`(SELECT max(fs.submitted_at) FROM form_submissions fs
          WHERE fs.collection_id = c.id AND fs.org_id = ${org}::uuid)`.as('last_submitted_at'),
      ])
      .where('c.publication_id', 'in', publicationIds)
      .where(collectionVisible(actor, 'c'))
      .orderBy('c.opens_at')
      .orderBy('c.title')
      .execute();
  }

  async insert(trx: Transaction<DB>, p: NewPublication, storages: string[]): Promise<string> {
    const { id } = await trx
      .insertInto('publications')
      .values({
        section: p.section,
        title: p.title,
        body: p.body,
        author_id: p.authorId,
        owner_region_code: p.ownerRegionCode,
        audience_roles: p.roles,
        audience_region_codes: p.regionCodes,
        audience_org_ids: p.orgIds,
        published_at: p.publishedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (storages.length) {
      await trx
        .insertInto('storages')
        .values(storages.map((title, position) => ({ publication_id: id, title, position })))
        .execute();
    }
    return id;
  }

  async addStorage(publicationId: string, title: string): Promise<StorageRow> {
    return this.db
      .insertInto('storages')
      .values({
        publication_id: publicationId,
        title,
        position: sql<number>`(SELECT coalesce(max(position) + 1, 0) FROM storages WHERE publication_id = ${publicationId}::uuid)`,
      })
      .returning(['id', 'publication_id', 'title', 'position'])
      .executeTakeFirstOrThrow();
  }

  async knownRegions(codes: string[]): Promise<Set<string>> {
    const rows = await this.db.selectFrom('regions').select('code').where('code', 'in', codes).execute();
    return new Set(rows.map((r) => r.code));
  }

  async hasCollections(publicationId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('collections')
      .select('id')
      .where('publication_id', '=', publicationId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async delete(publicationId: string): Promise<void> {
    await this.db.deleteFrom('publications').where('id', '=', publicationId).execute();
  }
}
