import {
  roleHas,
  type CollectionBlock,
  type CreatePublication,
  type Publication,
  type Role,
  type Section,
  type Storage,
} from '@oko/shared';
import type { Kysely } from 'kysely';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.ts';
import { isOrgRole } from '../access/visibility.ts';
import { canAuthor, requireAuthor, sectionsOf } from './authoring.ts';
import type { FileRow, FilesRepository } from './files.repository.ts';
import type {
  CollectionBlockRow,
  PublicationRow,
  PublicationsRepository,
  StorageRow,
} from './publications.repository.ts';
import { toStoredFile } from './stored-file.ts';

export const FIRST_PAGE_SIZE = 20;
/** A section shows the newest; older publications stay reachable by id. */
const LIST_LIMIT = 200;

const iso = (d: Date | string) => new Date(d).toISOString();

function toBlock(actor: Actor, now: Date, c: CollectionBlockRow): CollectionBlock {
  const t = now.getTime();
  const inWindow = new Date(c.opens_at).getTime() <= t && t < new Date(c.closes_at).getTime();
  const excepted = c.open_until !== null && new Date(c.open_until).getTime() > t;
  const submitted = c.entry_submitted_at !== null || c.last_submitted_at !== null;
  return {
    id: c.id,
    title: c.title,
    status: inWindow || excepted ? 'open' : 'closed',
    opensAt: iso(c.opens_at),
    closesAt: iso(c.closes_at),
    entry: isOrgRole(actor)
      ? {
          state: submitted ? 'submitted' : c.entry_exists ? 'in_progress' : 'not_started',
          lastSubmittedAt: c.last_submitted_at ? iso(c.last_submitted_at) : null,
        }
      : null,
  };
}

interface Deps {
  db: Kysely<DB>;
  clock: Clock;
  access: AccessService;
  publications: PublicationsRepository;
  files: FilesRepository;
}

/** Publications with their three blocks, and their authoring. */
export class PublicationsService {
  constructor(private readonly deps: Deps) {}

  async list(actor: Actor, section?: Section): Promise<Publication[]> {
    const rows = await this.deps.publications.list(actor, section, LIST_LIMIT);
    return this.assemble(actor, rows);
  }

  /**
   * Storages, first pages of files and collection blocks for many publications in four queries,
   * whatever their number.
   */
  private async assemble(actor: Actor, rows: PublicationRow[]): Promise<Publication[]> {
    const now = this.deps.clock.now();
    const ids = rows.map((p) => p.id);
    const storages = await this.deps.publications.storagesOf(ids);
    const files = await this.deps.files.firstPages(
      actor,
      now,
      storages.map((s) => s.id),
      FIRST_PAGE_SIZE,
    );
    const blocks = await this.deps.publications.collectionBlocks(actor, ids);

    const filesOf = groupBy(files, (f) => f.storage_id);
    const storagesOf = groupBy(storages, (s) => s.publication_id);
    const blocksOf = groupBy(blocks, (b) => b.publication_id);
    const canReport = roleHas(actor.role, 'storage.report');
    const toStorage = (s: StorageRow): Storage => {
      const page = filesOf.get(s.id) ?? [];
      return {
        id: s.id,
        title: s.title,
        files: {
          items: page.map((f: FileRow) => toStoredFile(actor, now, f)),
          total: Number(page[0]?.total ?? 0),
          page: 1,
          pageSize: FIRST_PAGE_SIZE,
        },
        canReport,
      };
    };
    return rows.map((p) => {
      const canEdit = canAuthor(actor, p.owner_region_code, p.section);
      return {
        id: p.id,
        section: p.section,
        title: p.title,
        body: p.body,
        publishedAt: iso(p.published_at),
        authorRegionCode: p.owner_region_code,
        storages: (storagesOf.get(p.id) ?? []).map(toStorage),
        collections: (blocksOf.get(p.id) ?? []).map((b) => toBlock(actor, now, b)),
        canEdit,
        audience: canEdit
          ? {
              roles: p.audience_roles as Role[],
              regionCodes: p.audience_region_codes,
              orgIds: p.audience_org_ids,
            }
          : null,
      };
    });
  }

  async create(actor: Actor, input: CreatePublication): Promise<Publication> {
    requireAuthorOfNew(actor);
    if (!sectionsOf(actor).includes(input.section)) {
      throw forbidden('В этом разделе публикуют другие координаторы: выберите раздел своей процедуры');
    }
    const federal = actor.role === 'federal_admin';
    const ownerRegionCode = federal ? null : actor.regionCode;
    // a regional author's audience is its own region whatever the form said
    const regionCodes = federal ? input.audience.regionCodes : [actor.regionCode ?? ''];
    if (regionCodes?.length) {
      const unknown = await this.unknownRegions(regionCodes);
      if (unknown.length) throw badRequest(`Неизвестный код региона: ${unknown.join(', ')}`);
    }
    const orgIds = input.audience.orgIds?.length ? [...new Set(input.audience.orgIds)] : null;
    if (orgIds) await this.deps.access.requireAccess(actor, 'publication.write', 'org', orgIds);
    const id = await this.deps.db.transaction().execute((trx) =>
      this.deps.publications.insert(
        trx,
        {
          section: input.section,
          title: input.title,
          body: input.body,
          authorId: actor.userId,
          ownerRegionCode,
          roles: [...new Set(input.audience.roles)],
          regionCodes: regionCodes ? [...new Set(regionCodes)] : null,
          orgIds,
          publishedAt: this.deps.clock.now(),
        },
        input.storages,
      ),
    );
    return this.one(actor, id);
  }

  async one(actor: Actor, id: string): Promise<Publication> {
    const row = await this.deps.publications.get(id);
    if (!row) throw notFound('Публикация не найдена');
    const [p] = await this.assemble(actor, [row]);
    return p!;
  }

  /** Scope of the publication was checked by the route. */
  async addStorage(actor: Actor, publicationId: string, title: string): Promise<Storage> {
    const p = await this.deps.publications.get(publicationId);
    if (!p) throw notFound('Публикация не найдена');
    requireAuthor(actor, p.owner_region_code, p.section);
    const s = await this.deps.publications.addStorage(publicationId, title);
    return {
      id: s.id,
      title: s.title,
      files: { items: [], total: 0, page: 1, pageSize: FIRST_PAGE_SIZE },
      canReport: roleHas(actor.role, 'storage.report'),
    };
  }

  async remove(actor: Actor, publicationId: string): Promise<void> {
    const p = await this.deps.publications.get(publicationId);
    if (!p) throw notFound('Публикация не найдена');
    requireAuthor(actor, p.owner_region_code, p.section);
    // its collections hold what ОО entered: they go first, deliberately, by their own screen
    if (await this.deps.publications.hasCollections(publicationId)) {
      throw conflict('К публикации привязан сбор данных с ответами ОО: сначала удалите сбор');
    }
    await this.deps.publications.delete(publicationId);
  }

  private async unknownRegions(codes: string[]): Promise<string[]> {
    const known = await this.deps.publications.knownRegions(codes);
    return codes.filter((c) => !known.has(c));
  }
}

function requireAuthorOfNew(actor: Actor): void {
  if (!roleHas(actor.role, 'publication.write')) throw forbidden();
  if (actor.role !== 'federal_admin' && !actor.regionCode) throw forbidden();
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
