import {
  applyPrefill,
  computeForm,
  initialData,
  resolveTemplate,
  validateForm,
  VERSION_CONFLICT_CODE,
  type CollectionException,
  type CollectionSummary,
  type CollectionView,
  type FormData,
  type FormTemplate,
  type GrantException,
  type OrgAttributes,
  type SaveEntry,
  type SaveResult,
  type SubmitResult,
} from '@oko/shared';
import type { Kysely } from 'kysely';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { AppError, badRequest, forbidden, notFound } from '../http/errors.ts';
import { readFormXlsx } from '../forms/form-xlsx-reader.ts';
import { writeFormXlsx } from '../forms/form-xlsx-writer.ts';
import type { CollectionRow, CollectionsRepository, EntryRow, OrgRowForForm } from './collections.repository.ts';
import { shapeIssues } from './entry-shape.ts';
import { downloadName } from './file-name.ts';
import { FormInvalid } from '../http/form-invalid.ts';
import { orgAttributes } from './org-attributes.ts';
import { SaveBatcher } from './save-batcher.ts';
import type { TemplateStore } from './template-store.ts';
import { TtlCache } from './ttl-cache.ts';

export const CLOSED_MESSAGE =
  'Сбор данных закрыт: изменения больше не принимаются. Если данные нужно внести или исправить, обратитесь к координатору.';
export const CONFLICT_MESSAGE =
  'Форма изменена в другой вкладке или другим пользователем. Чтобы не затереть эти изменения, обновите страницу: ' +
  'на ней будут сохранённые данные.';

const closed = () => new AppError(403, 'COLLECTION_CLOSED', CLOSED_MESSAGE);
const versionConflict = (stored: number) =>
  new AppError(409, VERSION_CONFLICT_CODE, CONFLICT_MESSAGE, [{ path: 'version', message: String(stored) }]);

interface Deps {
  db: Kysely<DB>;
  clock: Clock;
  access: AccessService;
  repo: CollectionsRepository;
  templates: TemplateStore;
}

/** A collection as one ОО fills it: its row, its template and the ОО's attributes. */
interface FormContext {
  collection: CollectionRow;
  template: FormTemplate;
  org: OrgRowForForm;
  attrs: OrgAttributes;
}

const iso = (d: Date | string) => new Date(d).toISOString();

const isOpenAt = (c: CollectionRow, openUntil: Date | null, now: Date) =>
  (new Date(c.opens_at) <= now && now < new Date(c.closes_at)) || (openUntil !== null && openUntil > now);

/**
 * The ОО's side of a data collection: open it, autosave, submit online or by XLSX, and the
 * coordinator's read-only view and reopen exceptions. Whether the collection is open is decided by
 * the server's clock in the same statement that writes, so a save that arrives after the close
 * never lands. Autosaves are the hot path (hundreds of editors at once): the collection, template
 * and ОО attributes come from a short cache, and saves arriving together are written by one
 * statement (SaveBatcher).
 */
export class CollectionsService {
  /** collection + template + ОО attributes per (collection, ОО): the hot autosave path reads no tables for them */
  private readonly contexts = new TtlCache<FormContext | null>(15_000, 50_000);

  private readonly saves: SaveBatcher;

  constructor(private readonly deps: Deps) {
    this.saves = new SaveBatcher((batch) => deps.repo.saveMany(batch));
  }

  async list(actor: Actor): Promise<CollectionSummary[]> {
    const rows = await this.deps.repo.list(actor);
    const now = this.deps.clock.now();
    const isOrg = actor.orgId !== null;
    return rows.map((c) => {
      const openUntil = c.open_until ? new Date(c.open_until) : null;
      return {
        id: c.id,
        title: c.title,
        purpose: c.purpose,
        status: isOpenAt(c, isOrg ? openUntil : null, now) ? 'open' : 'closed',
        opensAt: iso(c.opens_at),
        closesAt: iso(c.closes_at),
        publicationId: c.publication_id,
        state: !isOrg ? null : c.submitted_at ? 'submitted' : c.started ? 'in_progress' : 'not_started',
        lastSubmittedAt: isOrg && c.submitted_at ? iso(c.submitted_at) : null,
        openUntil: isOrg && openUntil ? iso(openUntil) : null,
      };
    });
  }

  /** The ОО's own form; the route has checked the collection is assigned to it. */
  view(actor: Actor, collectionId: string): Promise<CollectionView> {
    return this.viewOf(collectionId, ownOrg(actor), true);
  }

  /** A coordinator looks at one ОО's data; the route has checked both ids against the scope. */
  orgView(collectionId: string, orgId: string): Promise<CollectionView> {
    return this.viewOf(collectionId, orgId, false);
  }

  async save(actor: Actor, collectionId: string, input: SaveEntry): Promise<SaveResult> {
    const orgId = ownOrg(actor);
    const ctx = await this.cachedContext(collectionId, orgId);
    const issues = shapeIssues(ctx.template, input.data);
    if (issues.length) throw new FormInvalid('Данные не соответствуют форме: сохранение отклонено', issues);
    const data = this.prepare(ctx, input.data);
    const now = this.deps.clock.now();
    const saved = await this.saves.save({
      collectionId,
      orgId,
      userId: actor.userId,
      data: JSON.stringify(data),
      version: input.version,
      now,
    });
    if (saved) return { version: saved.version, savedAt: iso(saved.updated_at) };
    const state = await this.deps.repo.saveState(collectionId, orgId, now);
    if (!state.open) throw closed();
    throw versionConflict(state.version);
  }

  /** «Сдать отчет»: the saved data, validated whole, becomes the next kept submission. */
  async submit(actor: Actor, collectionId: string, version: number): Promise<SubmitResult> {
    const orgId = ownOrg(actor);
    const ctx = await this.context(collectionId, orgId);
    const now = this.deps.clock.now();
    return this.deps.db.transaction().execute(async (trx) => {
      const entry = await this.deps.repo.lockEntry(trx, collectionId, orgId);
      if (!entry) throw badRequest('Форма ещё не заполнена: внесите данные и затем сдайте отчет');
      if (entry.version !== version) throw versionConflict(entry.version);
      if (!(await this.deps.repo.isOpen(collectionId, orgId, now, trx))) throw closed();
      const data = this.prepare(ctx, entry.data as FormData);
      const issues = validateForm(ctx.template, data);
      if (issues.length) {
        throw new FormInvalid(`Отчет не сдан: исправьте ошибки (${issues.length}) в отмеченных ячейках`, issues);
      }
      const number = await this.deps.repo.addSubmission(trx, {
        collectionId,
        orgId,
        userId: actor.userId,
        data: JSON.stringify(data),
        source: 'online',
        now,
      });
      return { number, submittedAt: iso(now), version: entry.version };
    });
  }

  /** The form as XLSX with the ОО's current data (or the prefilled blank). */
  async downloadXlsx(actor: Actor, collectionId: string): Promise<{ name: string; bytes: Buffer }> {
    const orgId = ownOrg(actor);
    const ctx = await this.context(collectionId, orgId);
    const entry = await this.deps.repo.entry(collectionId, orgId);
    const template = resolveTemplate(ctx.template);
    const data = entry ? this.prepare(ctx, entry.data as FormData) : initialData(template, ctx.attrs);
    const bytes = await writeFormXlsx(template, data);
    return { name: downloadName(`${ctx.collection.title} — ${ctx.attrs.login || ctx.attrs.orgCode}`, 'xlsx'), bytes };
  }

  /**
   * An uploaded XLSX is a submission, as in the real system: read with the template's rules; if
   * refused, nothing changes; if accepted, it replaces the working copy and is kept as a version,
   * both in one transaction.
   */
  async uploadXlsx(actor: Actor, collectionId: string, bytes: Buffer): Promise<SubmitResult> {
    const orgId = ownOrg(actor);
    const ctx = await this.context(collectionId, orgId);
    const now = this.deps.clock.now();
    if (!(await this.deps.repo.isOpen(collectionId, orgId, now))) throw closed();
    const read = await readFormXlsx(ctx.template, bytes, { org: ctx.attrs });
    if (!read.ok) throw new FormInvalid(read.message, read.issues);
    const data = this.prepare(ctx, read.data);
    const issues = validateForm(ctx.template, data);
    if (issues.length) throw new FormInvalid(`Файл не принят: ошибки (${issues.length}) в данных`, issues);
    const json = JSON.stringify(data);
    return this.deps.db.transaction().execute(async (trx) => {
      if (!(await this.deps.repo.isOpen(collectionId, orgId, now, trx))) throw closed();
      const version = await this.deps.repo.replaceEntry(trx, {
        collectionId,
        orgId,
        userId: actor.userId,
        data: json,
        now,
      });
      const number = await this.deps.repo.addSubmission(trx, {
        collectionId,
        orgId,
        userId: actor.userId,
        data: json,
        source: 'xlsx',
        now,
      });
      return { number, submittedAt: iso(now), version };
    });
  }

  /** Reopens a collection for one ОО of the coordinator's scope until the given moment. */
  async grantException(actor: Actor, collectionId: string, input: GrantException): Promise<CollectionException> {
    await this.deps.access.requireAccess(actor, 'collection.manage', 'org', [input.orgId]);
    const org = await this.deps.repo.assignedOrg(collectionId, input.orgId);
    if (!org) throw notFound('Эта ОО не участвует в сборе данных');
    const now = this.deps.clock.now();
    const openUntil = new Date(input.openUntil);
    if (openUntil <= now) throw badRequest('Срок продления должен быть позже текущего момента');
    await this.deps.repo.grantException({ collectionId, orgId: input.orgId, openUntil, grantedBy: actor.userId, now });
    return { orgId: input.orgId, openUntil: iso(openUntil) };
  }

  private async viewOf(collectionId: string, orgId: string, own: boolean): Promise<CollectionView> {
    const ctx = await this.context(collectionId, orgId);
    const [entry, openUntil] = await Promise.all([
      this.deps.repo.entry(collectionId, orgId),
      this.deps.repo.exception(collectionId, orgId),
    ]);
    const now = this.deps.clock.now();
    const open = isOpenAt(ctx.collection, openUntil, now);
    return {
      id: ctx.collection.id,
      title: ctx.collection.title,
      status: open ? 'open' : 'closed',
      opensAt: iso(ctx.collection.opens_at),
      closesAt: iso(ctx.collection.closes_at),
      openUntil: openUntil ? iso(openUntil) : null,
      template: resolveTemplate(ctx.template),
      entry: entry ? this.toEntry(ctx, entry) : null,
      canEdit: own && open,
      org: { id: ctx.org.id, login: ctx.attrs.login, name: ctx.org.full_name },
      attributes: ctx.attrs,
    };
  }

  private toEntry(ctx: FormContext, e: EntryRow): CollectionView['entry'] {
    return {
      data: this.prepare(ctx, e.data as FormData),
      version: e.version,
      startedAt: iso(e.started_at),
      updatedAt: iso(e.updated_at),
      submittedAt: e.submitted_at ? iso(e.submitted_at) : null,
      submissions: e.submissions,
    };
  }

  /** Read-only cells are the server's: prefilled from the ОО, computed from the row. */
  private prepare(ctx: FormContext, data: FormData): FormData {
    return computeForm(ctx.template, applyPrefill(ctx.template, data, ctx.attrs));
  }

  private cachedContext(collectionId: string, orgId: string): Promise<FormContext> {
    return this.contexts
      .get(`${collectionId}:${orgId}`, () => this.loadContext(collectionId, orgId))
      .then((ctx) => ctx ?? Promise.reject(notFound()));
  }

  /** Fresh from the database (a view shows the current interval); the autosave cache starts from it. */
  private async context(collectionId: string, orgId: string): Promise<FormContext> {
    const ctx = await this.loadContext(collectionId, orgId);
    if (!ctx) throw notFound();
    this.contexts.set(`${collectionId}:${orgId}`, ctx);
    return ctx;
  }

  private async loadContext(collectionId: string, orgId: string): Promise<FormContext | null> {
    const found = await this.deps.repo.formContext(collectionId, orgId);
    if (!found) return null;
    const template = await this.deps.templates.get(found.collection.template_id);
    return { ...found, template, attrs: orgAttributes(found.org) };
  }
}

function ownOrg(actor: Actor): string {
  if (!actor.orgId) throw forbidden('Форму заполняет образовательная организация');
  return actor.orgId;
}
