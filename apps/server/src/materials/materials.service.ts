import type { JobStarted, MaterialsStatus } from '@oko/shared';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import { badRequest, notFound } from '../http/errors.ts';
import type { JobRunner } from '../jobs/job-runner.ts';
import { GENERATE_CODES_JOB } from './generate-codes.job.ts';
import { GENERATE_MATERIALS_JOB } from './generate-materials.job.ts';
import type { MaterialsRepository } from './materials.repository.ts';

/** The federal side: where a subject's materials stand, and starting their generation. */
export class MaterialsService {
  constructor(
    private readonly repo: MaterialsRepository,
    private readonly access: AccessService,
    private readonly jobs: JobRunner,
  ) {}

  async status(actor: Actor, campaignId: string, subjectId: string): Promise<MaterialsStatus> {
    this.access.requirePermission(actor, 'campaign.manage');
    await this.subjectOf(campaignId, subjectId);
    const [counts, tasks, bank] = await Promise.all([
      this.repo.counts(subjectId),
      this.repo.tasks(subjectId),
      this.repo.bank(subjectId),
    ]);
    const covered = new Set(bank.map((b) => b.position));
    return {
      subjectId,
      scheduled: counts.scheduled,
      generated: counts.generated,
      bankItems: bank.length,
      positionsWithoutItems: tasks.filter((t) => !covered.has(t.position)).map((t) => t.number),
    };
  }

  async startGeneration(actor: Actor, campaignId: string, subjectId: string): Promise<JobStarted> {
    const status = await this.status(actor, campaignId, subjectId);
    if (status.positionsWithoutItems.length) {
      throw badRequest(
        `В банке заданий нет ни одного задания для позиций: ${status.positionsWithoutItems.join(', ')}. ` +
          'Загрузите банк заданий предмета.',
      );
    }
    if (status.scheduled === 0) throw badRequest('Ни одной ОО не назначена дата по этому предмету в план-графике');
    const job = await this.jobs.enqueue(GENERATE_MATERIALS_JOB, { subjectId, userId: actor.userId }, actor.userId);
    const left = status.scheduled - status.generated;
    return {
      jobId: job.id,
      message: left > 0 ? `Формируются материалы для ${left} ОО` : 'Материалы всех ОО уже сформированы',
    };
  }

  async startCodes(actor: Actor, campaignId: string): Promise<JobStarted> {
    this.access.requirePermission(actor, 'campaign.manage');
    const job = await this.jobs.enqueue(GENERATE_CODES_JOB, { campaignId, userId: actor.userId }, actor.userId);
    return { jobId: job.id, message: 'Формируются коды участников и бумажные протоколы' };
  }

  private async subjectOf(campaignId: string, subjectId: string) {
    const s = await this.repo.subject(subjectId);
    if (!s || s.campaign_id !== campaignId) throw notFound('Предмет не найден в этой кампании');
    return s;
  }
}
