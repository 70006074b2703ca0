import {
  FormTemplate,
  validateForm,
  type ApplicationCollection,
  type ApplicationPreview,
  type FormData,
  type FormRow,
  type MyApplication,
  type RegionQuery,
} from '@oko/shared';
import type { Actor } from '../access/actor.ts';
import { FormInvalid } from '../http/form-invalid.ts';
import { readFormXlsx } from '../forms/form-xlsx-reader.ts';
import { writeFormXlsx } from '../forms/form-xlsx-writer.ts';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.ts';
import { diffApplications, type ApplicationPlan } from './application-diff.ts';
import { dataOfLines, linesOf, sameLines } from './application-lines.ts';
import { xlsxFileName } from './file-name.ts';
import { freeSheetRowNumbers } from './row-numbers.ts';
import type { RegistrationDeps } from './deps.ts';
import type { ApplicationCollectionRow, ApplicationSchoolRow } from './registration.repository.ts';
import { resolveScope } from './scope.ts';
import { fingerprint, PREVIEW_TTL_MS, staleError, takeStaged } from './staged.ts';
import { APPLICATION_SHEET } from './templates/application.ts';
import { CONSOLIDATED_SHEET, consolidatedTemplate } from './templates/application-consolidated.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const STATE_TITLES = {
  confirmed: 'подтверждена',
  submitted: 'сдана ОО',
  in_progress: 'в работе, не сдана',
  not_started: 'не заполнена',
} as const;

const digest = (schools: { org_id: string }[], versions: { org_id: string; version: number }[]) =>
  fingerprint([schools.map((s) => s.org_id).sort(), versions.map((v) => [v.org_id, v.version])]);

/**
 * Applications for the ВПР (заявки): schools fill a collection of purpose «application» through the
 * generic collection routes; the regional coordinator downloads the consolidated file of the region,
 * confirms or corrects it, uploads it, and the confirmed application of each school is kept as a version.
 */
export class ApplicationsService {
  constructor(private readonly deps: RegistrationDeps) {}

  /** An application collection whose template has the application sheet; anything else is not found. */
  private async collection(id: string): Promise<ApplicationCollectionRow> {
    const c = await this.deps.repo.applicationCollection(id);
    if (!c || c.purpose !== 'application') throw notFound('Сбор заявок не найден');
    const template = FormTemplate.safeParse(c.definition);
    const sheet = template.success ? template.data.sheets.find((s) => s.key === APPLICATION_SHEET) : undefined;
    const keys = new Set(sheet?.columns.map((col) => col.key));
    if (!['grade', 'subject', 'participants'].every((k) => keys.has(k))) {
      throw badRequest('Форма этого сбора не похожа на заявку на участие в ВПР: сводный файл для неё не строится');
    }
    return c;
  }

  async list(actor: Actor, q: RegionQuery): Promise<{ collections: ApplicationCollection[] }> {
    const regionCode = await this.regionFilter(actor, q);
    const now = this.deps.clock.now();
    const rows = await this.deps.repo.applicationCollections(actor);
    const out: ApplicationCollection[] = [];
    for (const c of rows) {
      const p = await this.deps.repo.applicationProgress(c.id, regionCode);
      out.push({
        id: c.id,
        title: c.title,
        status: new Date(c.opens_at) <= now && now < new Date(c.closes_at) ? 'open' : 'closed',
        opensAt: iso(c.opens_at)!,
        closesAt: iso(c.closes_at)!,
        progress: {
          total: p.total,
          notStarted: p.not_started,
          inProgress: p.in_progress,
          submitted: p.submitted,
          confirmed: p.confirmed,
        },
      });
    }
    return { collections: out };
  }

  /** The federal level sees every region unless it names one; a coordinator sees its own. */
  private async regionFilter(actor: Actor, q: RegionQuery): Promise<string | null> {
    if (actor.role === 'federal_admin' && !q.regionCode) return null;
    return (await resolveScope(this.deps, actor, 'application.consolidate', q.regionCode)).regionCode;
  }

  async consolidated(actor: Actor, collectionId: string, q: RegionQuery): Promise<{ name: string; bytes: Buffer }> {
    const c = await this.collection(collectionId);
    const scope = await resolveScope(this.deps, actor, 'application.consolidate', q.regionCode);
    const schools = await this.deps.repo.applicationSchools(collectionId, scope.regionCode);
    const rows: FormRow[] = [];
    for (const s of schools) {
      const { state, lines } = current(s);
      const prefix = {
        code: s.code,
        login: s.login ?? '',
        name: s.short_name,
        municipality: s.municipality_name,
        state: STATE_TITLES[state],
      };
      if (lines.length === 0) rows.push({ ...prefix, grade: null, subject: null, classes: null, participants: null });
      for (const l of lines) rows.push({ ...prefix, ...l });
    }
    const bytes = await writeFormXlsx(consolidatedTemplate(scope.regionName), { [CONSOLIDATED_SHEET]: rows });
    return { name: xlsxFileName(`Сводная заявка — ${c.title} — ${scope.regionName}`, this.deps.clock.now()), bytes };
  }

  async preview(actor: Actor, collectionId: string, q: RegionQuery, bytes: Buffer): Promise<ApplicationPreview> {
    await this.collection(collectionId);
    const scope = await resolveScope(this.deps, actor, 'application.consolidate', q.regionCode);
    const template = consolidatedTemplate(scope.regionName);
    const read = await readFormXlsx(template, bytes);
    if (!read.ok) throw new FormInvalid(read.message, read.issues);
    const issues = validateForm(template, read.data);
    if (issues.length) throw new FormInvalid(`Файл не принят: ошибки (${issues.length}) в данных`, issues);

    const { repo, clock } = this.deps;
    const schools = await repo.applicationSchools(collectionId, scope.regionCode);
    const { plan, errors } = diffApplications(
      template.sheets[0]!,
      read.data[CONSOLIDATED_SHEET] ?? [],
      schools,
      await freeSheetRowNumbers(bytes, template.sheets[0]!),
    );
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + PREVIEW_TTL_MS);
    const versions = await repo.confirmationVersions(collectionId, scope.regionCode, this.deps.db);
    const previewId = await repo.stage({
      kind: 'application',
      createdBy: actor.userId,
      regionCode: scope.regionCode,
      municipalityId: null,
      collectionId,
      fingerprint: digest(schools, versions),
      changes: plan,
      errors,
      createdAt: now,
      expiresAt,
    });
    const count = (k: string) => plan.schools.filter((s) => s.kind === k).length;
    const toApply = plan.schools.filter((s) => s.kind !== 'same').length;
    return {
      previewId,
      expiresAt: expiresAt.toISOString(),
      counts: {
        confirm: count('confirm'),
        correct: count('correct'),
        withdraw: count('withdraw'),
        same: count('same'),
        skipped: plan.skipped,
      },
      schools: plan.schools.map(({ corrected: _c, ...s }) => s),
      errors,
      canApply: errors.length === 0 && toApply > 0,
    };
  }

  async apply(actor: Actor, collectionId: string, previewId: string) {
    await this.collection(collectionId);
    const { db, repo, clock } = this.deps;
    const now = clock.now();
    const confirmed = await db.transaction().execute(async (trx) => {
      const staged = await takeStaged(repo, trx, actor, 'application', previewId, now);
      if (staged.collection_id !== collectionId)
        throw notFound('Предварительный просмотр не найден: загрузите файл ещё раз');
      const plan = staged.changes as ApplicationPlan;
      const items = plan.schools.filter((s) => s.kind !== 'same');
      if (items.length === 0) throw conflict('В файле нет изменений: все заявки уже подтверждены в этом виде');
      await repo.lockRegion(staged.region_code, trx);
      const schools = await repo.applicationSchools(collectionId, staged.region_code, trx);
      const versions = await repo.confirmationVersions(collectionId, staged.region_code, trx);
      if (digest(schools, versions) !== staged.fingerprint) throw staleError('Подтверждённые заявки или список ОО');
      await repo.insertConfirmations(
        items.map((s) => ({
          collectionId,
          orgId: s.orgId,
          data: dataOfLines(s.after),
          corrected: s.corrected,
          stagedId: staged.id,
          by: actor.userId,
          at: now,
        })),
        trx,
      );
      await repo.markApplied(staged.id, now, trx);
      return items.length;
    });
    return { confirmed, message: `Заявки подтверждены: ${confirmed}` };
  }

  // ---------- the school's side ----------

  async mineList(actor: Actor): Promise<{ applications: MyApplication[] }> {
    const orgId = ownOrg(actor);
    const rows = await this.deps.repo.applicationCollections(actor);
    const out: MyApplication[] = [];
    for (const c of rows) out.push(await this.mineOf(orgId, c.id, c.title));
    return { applications: out };
  }

  async mine(actor: Actor, collectionId: string): Promise<MyApplication> {
    const c = await this.collection(collectionId);
    return this.mineOf(ownOrg(actor), c.id, c.title);
  }

  private async mineOf(orgId: string, collectionId: string, title: string): Promise<MyApplication> {
    const { repo } = this.deps;
    const entry = await repo.schoolEntry(collectionId, orgId);
    const confirmation = await repo.confirmedApplication(collectionId, orgId);
    const submitted = linesOf(entry.submission_data);
    return {
      collectionId,
      title,
      state: entry.submitted_at ? 'submitted' : entry.started ? 'in_progress' : 'not_started',
      submittedAt: iso(entry.submitted_at),
      submitted,
      confirmation: confirmation
        ? {
            version: confirmation.version,
            confirmedAt: iso(confirmation.confirmed_at)!,
            confirmedBy: confirmation.confirmed_by_login,
            lines: linesOf(confirmation.data) ?? [],
            corrected: !sameLines(submitted, linesOf(confirmation.data)),
          }
        : null,
    };
  }

  /** For issue 4 (codes, plan-schedule): the confirmed application of an ОО as FormData, or null. */
  async confirmedApplication(collectionId: string, orgId: string): Promise<FormData | null> {
    const row = await this.deps.repo.confirmedApplication(collectionId, orgId);
    return row ? (row.data as FormData) : null;
  }
}

function ownOrg(actor: Actor): string {
  if (!actor.orgId) throw forbidden('Заявку подаёт образовательная организация');
  return actor.orgId;
}

/**
 * What the consolidated file shows for a school: the confirmed lines, else what it submitted. A draft the
 * school never submitted is not an application: its row stays empty, marked «в работе».
 */
function current(s: ApplicationSchoolRow) {
  if (s.confirmation_version !== null)
    return { state: 'confirmed' as const, lines: linesOf(s.confirmation_data) ?? [] };
  if (s.submitted_at) return { state: 'submitted' as const, lines: linesOf(s.submission_data) ?? [] };
  return { state: s.started ? ('in_progress' as const) : ('not_started' as const), lines: [] };
}
