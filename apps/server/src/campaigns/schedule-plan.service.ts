import {
  REGION_BY_CODE,
  SCHEDULE_PAGE_SIZE,
  type Permission,
  type ScheduleFileQuery,
  type ScheduleFromApplications,
  type SchedulePlan,
  type SchedulePlanQuery,
  type ScheduleSetResult,
} from '@oko/shared';
import type { z } from 'zod';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import { orgScope } from '../access/scope-rules.ts';
import type { ScopeRepository } from '../access/scope.repository.ts';
import type { Clock } from '../clock.ts';
import { writeFormXlsx } from '../forms/form-xlsx-writer.ts';
import { badRequest, forbidden, notFound } from '../http/errors.ts';
import { cellText } from '../registration/cell-text.ts';
import { xlsxFileName } from '../registration/file-name.ts';
import { planScheduleImport } from './schedule-import-plan.ts';
import type { PairFilter, SchedulePlanRepository } from './schedule-plan.repository.ts';
import { SCHEDULE_SHEET, scheduleTemplate } from './schedule-template.ts';
import { testDateProblem } from './test-date.ts';
import { readUploadedForm, UploadIssues } from './upload-form.ts';

export interface SchedulePlanDeps {
  repo: SchedulePlanRepository;
  access: AccessService;
  /** the access module's set query: which ОО of an upload the actor may schedule */
  scopes: ScopeRepository;
  clock: Clock;
}

/**
 * The plan-schedule as coordinators fill it: the ОО of their part of the country that applied for a subject,
 * a date for all of them at once, and the whole schedule as a workbook to download and upload back.
 * The federal level works everywhere, a regional coordinator in its region; a municipal one reads its own.
 */
export class SchedulePlanService {
  constructor(private readonly deps: SchedulePlanDeps) {}

  /** The ОО the actor governs, optionally narrowed to a region the access module lets it name. */
  private async filter(
    actor: Actor,
    permission: Permission,
    campaignId: string,
    q: { regionCode?: string | undefined; subjectId?: string | undefined },
  ): Promise<PairFilter> {
    if (actor.role === 'school' || actor.role === 'college') {
      throw forbidden('План-график своей ОО смотрите в разделе «Ход ВПР»');
    }
    if (q.regionCode) await this.deps.access.requireAccess(actor, permission, 'region', [q.regionCode]);
    else this.deps.access.requirePermission(actor, permission);
    return { campaignId, scope: orgScope(actor), regionCode: q.regionCode ?? null, subjectId: q.subjectId ?? null };
  }

  private async campaignAndSubject(campaignId: string, subjectId: string) {
    const campaign = await this.deps.repo.campaign(campaignId);
    if (!campaign) throw notFound('Кампания не найдена');
    const subject = (await this.deps.repo.subjects(campaignId)).find((s) => s.id === subjectId);
    if (!subject) throw notFound('Предмет не найден в этой кампании');
    return { campaign, subject };
  }

  async list(actor: Actor, campaignId: string, q: z.output<typeof SchedulePlanQuery>): Promise<SchedulePlan> {
    const f = await this.filter(actor, 'campaign.read', campaignId, q);
    await this.campaignAndSubject(campaignId, q.subjectId);
    const search = q.search || undefined;
    const totals = await this.deps.repo.totals(f, search);
    const rows = await this.deps.repo.page(f, search, SCHEDULE_PAGE_SIZE, (q.page - 1) * SCHEDULE_PAGE_SIZE);
    return {
      subjectId: q.subjectId,
      totals: { applied: totals.applied, scheduled: totals.scheduled, participants: totals.participants },
      rows: rows.map((r) => ({
        orgId: r.org_id,
        login: r.login ?? '',
        name: r.name,
        municipality: r.municipality,
        participants: r.participants,
        testDate: r.test_date,
      })),
      total: totals.matched,
      page: q.page,
      pageSize: SCHEDULE_PAGE_SIZE,
    };
  }

  /** One date for every ОО of the scope that applied for the subject and has none yet. */
  async fromApplications(actor: Actor, campaignId: string, body: ScheduleFromApplications): Promise<ScheduleSetResult> {
    const f = await this.filter(actor, 'schedule.manage', campaignId, body);
    const { campaign, subject } = await this.campaignAndSubject(campaignId, body.subjectId);
    const problem = testDateProblem(body.testDate, campaign, subject);
    if (problem) throw badRequest(problem.message, [{ path: 'body.testDate', message: problem.message }]);
    const orgIds = await this.deps.repo.withoutDate(f);
    if (orgIds.length === 0) return { updated: 0 };
    // the list came from the scope rules; the access module confirms every id before anything is written
    await this.deps.access.requireAccess(actor, 'schedule.manage', 'org', orgIds);
    const updated = await this.deps.repo.transaction((repo) =>
      repo.write(
        {
          campaignId,
          entries: orgIds.map((orgId) => ({ orgId, subjectId: subject.id, testDate: body.testDate })),
          userId: actor.userId,
          at: this.deps.clock.now(),
        },
        true,
      ),
    );
    return { updated };
  }

  async download(actor: Actor, campaignId: string, q: ScheduleFileQuery): Promise<{ name: string; bytes: Buffer }> {
    const f = await this.filter(actor, 'schedule.manage', campaignId, q);
    const campaign = await this.deps.repo.campaign(campaignId);
    if (!campaign) throw notFound('Кампания не найдена');
    if (q.subjectId) await this.campaignAndSubject(campaignId, q.subjectId);
    const rows = await this.deps.repo.all(f);
    const scope = this.scopeTitle(actor, q.regionCode);
    const bytes = await writeFormXlsx(scheduleTemplate(campaign.title, scope), {
      [SCHEDULE_SHEET]: rows.map((r) => ({
        login: r.login,
        name: r.name,
        subjectCode: r.subject_code,
        grade: r.grade,
        testDate: r.test_date,
      })),
    });
    return { name: xlsxFileName(`План-график — ${campaign.title} — ${scope}`, this.deps.clock.now()), bytes };
  }

  private scopeTitle(actor: Actor, regionCode: string | undefined): string {
    const code = regionCode ?? actor.regionCode;
    if (!code) return 'все регионы';
    return REGION_BY_CODE.get(code)?.name ?? `регион ${code}`;
  }

  /** Every dated row is applied, or none: a foreign ОО, an unknown subject or a bad date is its row's error. */
  async upload(actor: Actor, campaignId: string, bytes: Buffer): Promise<ScheduleSetResult> {
    await this.filter(actor, 'schedule.manage', campaignId, {});
    const campaign = await this.deps.repo.campaign(campaignId);
    if (!campaign) throw notFound('Кампания не найдена');
    const template = scheduleTemplate(campaign.title, this.scopeTitle(actor, undefined));
    const { data, rowNumbers } = await readUploadedForm(template, bytes);
    const rows = data[SCHEDULE_SHEET] ?? [];
    const logins = [...new Set(rows.map((r) => cellText(r.login)).filter(Boolean))];
    const orgs = await this.deps.repo.orgsByLogin(logins);
    const orgIds = [...new Set(orgs.map((o) => o.org_id))];
    const allowed = await this.deps.scopes.allowed(actor, 'org', orgIds);
    const current = await this.deps.repo.entries(campaignId, [...allowed]);
    const issues = new UploadIssues(template);
    const changes = planScheduleImport(
      {
        rows,
        rowNumbers: rowNumbers.get(SCHEDULE_SHEET) ?? [],
        orgByLogin: new Map(orgs.map((o) => [o.login, o.org_id])),
        allowed,
        campaign,
        subjects: await this.deps.repo.subjects(campaignId),
        current: new Map(current.map((e) => [`${e.org_id}|${e.subject_id}`, e.test_date])),
      },
      issues,
    );
    issues.throwIfAny();
    if (changes.length === 0) return { updated: 0 };
    const updated = await this.deps.repo.transaction((repo) =>
      repo.write({ campaignId, entries: changes, userId: actor.userId, at: this.deps.clock.now() }, false),
    );
    return { updated };
  }
}
