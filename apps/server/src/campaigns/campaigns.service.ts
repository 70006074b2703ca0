import {
  taskHeader,
  vprGates,
  type Campaign,
  type CampaignCreate,
  type CampaignDetail,
  type CampaignList,
  type MySchedule,
  type ScheduleSet,
  type ScheduleSetResult,
  type Subject,
  type SubjectCreateParsed,
} from '@oko/shared';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { Clock } from '../clock.ts';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.ts';
import type { CampaignsRepository } from './campaigns.repository.ts';
import { testDateProblem } from './test-date.ts';

type CampaignRow = NonNullable<Awaited<ReturnType<CampaignsRepository['findCampaign']>>>;

const toCampaign = (r: CampaignRow): Campaign => ({
  id: r.id,
  code: r.code,
  title: r.title,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  createdAt: r.created_at.toISOString(),
});

/** ВПР campaigns: the federal level sets them up, coordinators fill the plan-schedule, an ОО reads its own. */
export class CampaignsService {
  constructor(
    private readonly repo: CampaignsRepository,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, body: CampaignCreate): Promise<CampaignDetail> {
    this.access.requirePermission(actor, 'campaign.manage');
    const row = await this.repo.insertCampaign(body);
    if (!row) throw conflict(`Кампания с кодом «${body.code}» уже есть`);
    return this.detail(actor, row.id);
  }

  async list(_actor: Actor): Promise<CampaignList> {
    return { campaigns: (await this.repo.listCampaigns()).map(toCampaign) };
  }

  /** The path scope has already checked that the campaign exists. */
  async detail(_actor: Actor, campaignId: string): Promise<CampaignDetail> {
    const campaign = await this.repo.findCampaign(campaignId);
    if (!campaign) throw notFound('Кампания не найдена');
    const subjects = await this.repo.listSubjects(campaignId);
    const tasks = await this.repo.listTasks(subjects.map((s) => s.id));
    return {
      ...toCampaign(campaign),
      subjects: subjects.map((s): Subject => ({
        id: s.id,
        code: s.code,
        name: s.name,
        grade: s.grade,
        group: s.materials_group,
        variants: s.variants,
        maxScore: s.max_score,
        scale3: s.scale_3,
        scale4: s.scale_4,
        scale5: s.scale_5,
        resultsDeadline: s.results_deadline,
        tasks: tasks
          .filter((t) => t.subject_id === s.id)
          .map((t) => ({
            position: t.position,
            number: t.number,
            header: taskHeader({ number: t.number, maxScore: t.max_score }),
            maxScore: t.max_score,
            difficulty: t.difficulty,
            plannedResult: t.planned_result,
            dependsOn: t.depends_on,
          })),
      })),
    };
  }

  async addSubject(actor: Actor, campaignId: string, body: SubjectCreateParsed): Promise<Subject> {
    this.access.requirePermission(actor, 'campaign.manage');
    const id = await this.repo.transaction(async (repo) => {
      if (!(await repo.findCampaign(campaignId))) throw notFound('Кампания не найдена');
      return repo.insertSubject(campaignId, body);
    });
    if (!id) throw conflict(`В кампании уже есть предмет ${body.code} для ${body.grade} класса`);
    const detail = await this.detail(actor, campaignId);
    return detail.subjects.find((s) => s.id === id)!;
  }

  async setSchedule(actor: Actor, campaignId: string, body: ScheduleSet): Promise<ScheduleSetResult> {
    const orgIds = [...new Set(body.orgIds)];
    await this.access.requireAccess(actor, 'schedule.manage', 'org', orgIds);
    const campaign = await this.repo.findCampaign(campaignId);
    if (!campaign) throw notFound('Кампания не найдена');
    const subject = await this.repo.findSubject(campaignId, body.subjectId);
    if (!subject) throw notFound('Предмет не найден в этой кампании');
    const problem = testDateProblem(body.testDate, campaign, subject);
    if (problem) {
      const short =
        problem.field === 'window' ? 'Дата вне окна проведения кампании' : 'Дата позже срока загрузки результатов';
      throw badRequest(problem.message, [{ path: 'body.testDate', message: short }]);
    }
    const updated = await this.repo.upsertSchedule({
      campaignId,
      subjectId: subject.id,
      orgIds,
      testDate: body.testDate,
      userId: actor.userId,
      at: this.clock.now(),
    });
    return { updated };
  }

  /** An ОО's own plan-schedule with the moments its materials open, in its own zone. */
  async mySchedule(actor: Actor, campaignId: string): Promise<MySchedule> {
    if (!actor.orgId) throw forbidden('План-график ОО доступен учётной записи ОО');
    const rows = await this.repo.scheduleOfOrg(campaignId, actor.orgId);
    return {
      entries: rows.map((r) => {
        const g = vprGates({
          group: r.materials_group,
          testDate: r.test_date,
          resultsDeadlineDate: r.results_deadline,
          zone: r.zone,
        });
        return {
          subjectId: r.subject_id,
          subjectCode: r.code,
          subjectName: r.name,
          grade: r.grade,
          group: r.materials_group,
          testDate: r.test_date,
          resultsDeadline: r.results_deadline,
          zone: r.zone,
          gates: {
            archiveFrom: g.archiveFrom.toISOString(),
            passwordFrom: g.passwordFrom?.toISOString() ?? null,
            criteriaFrom: g.criteriaFrom.toISOString(),
            resultsUntil: g.resultsUntil.toISOString(),
          },
        };
      }),
    };
  }
}
