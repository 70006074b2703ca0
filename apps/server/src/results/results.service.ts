import {
  computeForm,
  isEmptyRow,
  momentText,
  RESULTS_SHEET,
  rowToResult,
  summarize,
  validateForm,
  VERSION_CONFLICT_CODE,
  type FormData,
  type FormIssue,
  type FormTemplate,
  type MyResults,
  type ResultsView,
  type SaveEntry,
  type SaveResult,
  type SubmitResult,
} from '@oko/shared';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { readFormXlsx } from '../forms/form-xlsx-reader.ts';
import { writeFormXlsx } from '../forms/form-xlsx-writer.ts';
import { AppError, badRequest, forbidden, notFound } from '../http/errors.ts';
import { FormInvalid } from '../http/form-invalid.ts';
import { downloadName } from '../collections/file-name.ts';
import { TtlCache } from '../collections/ttl-cache.ts';
import { participantIssues } from './participant-checks.ts';
import type { OrgSubjectRow, ResultsRepository, TaskRow } from './results.repository.ts';
import { formTemplate, isLate, isWindowOpen, resultsWindow, statusOf, uploadOf } from './results-subject.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

const versionConflict = (stored: number) =>
  new AppError(
    409,
    VERSION_CONFLICT_CODE,
    'Форма изменена в другой вкладке или другим пользователем. Чтобы не затереть эти изменения, обновите страницу: ' +
      'на ней будут сохранённые данные.',
    [{ path: 'version', message: String(stored) }],
  );

/** One ОО × subject as the form needs it: the schedule row, the tasks and the template built from them. */
interface FormContext {
  row: OrgSubjectRow;
  tasks: TaskRow[];
  template: FormTemplate;
}

/**
 * The ОО's results form: fill online with autosave, submit, download and upload the XLSX. Every accepted
 * submission replaces the ОО's rows and summary and is kept as a version; the window (test day to 23:00 MSK of
 * the deadline, or a coordinator's exception) is checked by the server's clock inside the transaction.
 */
export class ResultsService {
  /** tasks and template per subject: the autosave path builds no template */
  private readonly templates = new TtlCache<{ tasks: TaskRow[]; template: FormTemplate }>(30_000, 2_000);

  constructor(private readonly deps: { db: Kysely<DB>; clock: Clock; repo: ResultsRepository }) {}

  async mySubjects(actor: Actor): Promise<MyResults> {
    const rows = await this.deps.repo.orgSubjects(ownOrg(actor));
    const now = this.deps.clock.now();
    return { subjects: rows.map((r) => statusOf(r, now)), now: now.toISOString() };
  }

  async view(actor: Actor, subjectId: string): Promise<ResultsView> {
    const orgId = ownOrg(actor);
    const ctx = await this.context(orgId, subjectId);
    const [entry, uploads, codes] = await Promise.all([
      this.deps.repo.entry(subjectId, orgId),
      this.deps.repo.uploads(subjectId, orgId),
      this.deps.repo.codes(ctx.row.campaign_id, orgId, ctx.row.grade),
    ]);
    return {
      status: statusOf(ctx.row, this.deps.clock.now()),
      template: ctx.template,
      entry: entry
        ? {
            data: computeForm(ctx.template, entry.data as FormData),
            version: entry.version,
            updatedAt: iso(entry.updated_at),
          }
        : null,
      uploads: uploads.map(uploadOf),
      codes,
      now: this.deps.clock.now().toISOString(),
    };
  }

  /** Autosave of the online table: shape only, the rules are judged on submit. */
  async save(actor: Actor, subjectId: string, input: SaveEntry): Promise<SaveResult> {
    const orgId = ownOrg(actor);
    const ctx = await this.context(orgId, subjectId);
    this.requireOpen(ctx.row);
    const data = computeForm(ctx.template, onlyResultsSheet(input.data));
    const saved = await this.deps.repo.saveEntry(
      subjectId,
      orgId,
      actor.userId,
      JSON.stringify(data),
      input.version,
      this.deps.clock.now(),
    );
    if (!saved) throw versionConflict(await this.deps.repo.entryVersion(subjectId, orgId));
    return { version: saved.version, savedAt: iso(saved.updated_at) };
  }

  /** «Сдать»: the saved working copy, validated whole, becomes the ОО's results. */
  async submit(actor: Actor, subjectId: string, version: number): Promise<SubmitResult> {
    const orgId = ownOrg(actor);
    const ctx = await this.context(orgId, subjectId);
    const entry = await this.deps.repo.entry(subjectId, orgId);
    if (!entry) throw badRequest('Форма ещё не заполнена: внесите результаты и затем сдайте');
    if (entry.version !== version) throw versionConflict(entry.version);
    const data = computeForm(ctx.template, entry.data as FormData);
    await this.check(ctx, orgId, data, undefined, 'Результаты не сданы');
    return this.accept(actor, ctx, data, 'online', version);
  }

  async downloadXlsx(actor: Actor, subjectId: string): Promise<{ name: string; bytes: Buffer }> {
    const orgId = ownOrg(actor);
    const ctx = await this.context(orgId, subjectId);
    const entry = await this.deps.repo.entry(subjectId, orgId);
    const data = entry ? computeForm(ctx.template, entry.data as FormData) : { [RESULTS_SHEET]: [] };
    const bytes = await writeFormXlsx(ctx.template, data);
    const login = actor.login;
    return { name: downloadName(`Результаты ВПР ${ctx.row.code} ${ctx.row.grade} класс — ${login}`, 'xlsx'), bytes };
  }

  /** An uploaded XLSX is a submission: refused whole with every error at its cell, or accepted whole. */
  async uploadXlsx(actor: Actor, subjectId: string, bytes: Buffer): Promise<SubmitResult> {
    const orgId = ownOrg(actor);
    const ctx = await this.context(orgId, subjectId);
    this.requireOpen(ctx.row);
    const read = await readFormXlsx(ctx.template, bytes);
    if (!read.ok) throw new FormInvalid(read.message, read.issues);
    await this.check(ctx, orgId, read.data, read.rowNumbers[RESULTS_SHEET], 'Файл не принят');
    return this.accept(actor, ctx, read.data, 'xlsx', null);
  }

  private async check(
    ctx: FormContext,
    orgId: string,
    data: FormData,
    rowNumbers: number[] | undefined,
    refusal: string,
  ): Promise<void> {
    const codes = new Set(await this.deps.repo.codes(ctx.row.campaign_id, orgId, ctx.row.grade));
    const issues: FormIssue[] = [
      ...(rowNumbers ? [] : validateForm(ctx.template, data)),
      ...participantIssues(ctx.template, data, codes, ctx.row.grade, rowNumbers),
    ].sort((a, b) => a.row - b.row || (a.cell ?? '').localeCompare(b.cell ?? ''));
    if (issues.length) throw new FormInvalid(`${refusal}: ошибки (${issues.length}) в отмеченных ячейках`, issues);
  }

  private async accept(
    actor: Actor,
    ctx: FormContext,
    data: FormData,
    source: 'online' | 'xlsx',
    expectedVersion: number | null,
  ): Promise<SubmitResult> {
    const orgId = ownOrg(actor);
    const subjectId = ctx.row.subject_id;
    const sheet = ctx.template.sheets[0]!;
    const rows = (data[RESULTS_SHEET] ?? []).filter((r) => !isEmptyRow(sheet, r));
    const scale = { scale3: ctx.row.scale_3, scale4: ctx.row.scale_4, scale5: ctx.row.scale_5 };
    const results = rows.map((r) => rowToResult(r, ctx.tasks.length, scale));
    const summary = summarize(results, ctx.tasks.length, ctx.row.max_score);
    const json = JSON.stringify({ [RESULTS_SHEET]: rows });
    return this.deps.db.transaction().execute(async (trx) => {
      await this.deps.repo.lock(trx, subjectId, orgId);
      const now = this.deps.clock.now();
      const fresh = await this.deps.repo.orgSubject(orgId, subjectId, trx);
      if (!fresh) throw notFound();
      this.requireOpen(fresh, now);
      if (expectedVersion !== null) {
        const stored = await this.deps.repo.entryVersion(subjectId, orgId, trx);
        if (stored !== expectedVersion) throw versionConflict(stored);
      }
      const late = isLate(resultsWindow(fresh), now);
      const done = await this.deps.repo.accept(trx, {
        subjectId,
        orgId,
        userId: actor.userId,
        source,
        data: json,
        results,
        summary,
        late,
        now,
      });
      return { number: done.number, submittedAt: iso(now), version: done.version };
    });
  }

  private requireOpen(row: OrgSubjectRow, now = this.deps.clock.now()): void {
    const w = resultsWindow(row);
    if (isWindowOpen(w, now)) return;
    if (now < w.opensAt) {
      throw new AppError(
        403,
        'RESULTS_NOT_YET_OPEN',
        `Результаты принимаются с дня проведения: с ${momentText(w.opensAt, row.zone)}`,
      );
    }
    throw new AppError(
      403,
      'RESULTS_CLOSED',
      `Срок загрузки результатов истёк ${momentText(w.deadline, row.zone)}. Загрузить результаты после срока можно ` +
        'только с разрешения координатора: обратитесь к муниципальному или региональному координатору.',
    );
  }

  private async context(orgId: string, subjectId: string): Promise<FormContext> {
    const row = await this.deps.repo.orgSubject(orgId, subjectId);
    if (!row) throw notFound('Этого предмета нет в план-графике вашей ОО');
    const built = await this.templates.get(subjectId, async () => {
      const tasks = await this.deps.repo.tasks(subjectId);
      return { tasks, template: formTemplate(row, tasks) };
    });
    return { row, ...built };
  }
}

function ownOrg(actor: Actor): string {
  if (!actor.orgId) throw forbidden('Результаты вносит образовательная организация');
  return actor.orgId;
}

/** The results form has one sheet; anything else a client sends is dropped rather than stored. */
function onlyResultsSheet(data: FormData): FormData {
  return { [RESULTS_SHEET]: data[RESULTS_SHEET] ?? [] };
}
