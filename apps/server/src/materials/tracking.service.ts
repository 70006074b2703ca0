import type { JobStarted, Tracking, TrackingQuery } from '@oko/shared';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import { notFound } from '../http/errors.ts';
import type { JobRunner } from '../jobs/job-runner.ts';
import { TRACKING_REPORT_JOB } from './tracking-report.job.ts';
import type { TrackingDbRow, TrackingRepository } from './tracking.repository.ts';

const PAGE = 50;
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const toTrackingRow = (r: TrackingDbRow) => ({
  orgId: r.org_id,
  login: r.login,
  name: r.name,
  municipality: r.municipality,
  testDate: r.test_date,
  generated: r.generated,
  archiveDownloadedAt: iso(r.archive_downloaded_at),
  passwordOpenedAt: iso(r.password_opened_at),
  criteriaDownloadedAt: iso(r.criteria_downloaded_at),
  kitsCount: r.kits_count,
});

/** Coordinators: who of their ОО downloaded the archive, opened the password, took the criteria. */
export class TrackingService {
  constructor(
    private readonly repo: TrackingRepository,
    private readonly access: AccessService,
    private readonly jobs: JobRunner,
  ) {}

  async tracking(actor: Actor, campaignId: string, subjectId: string, query: TrackingQuery): Promise<Tracking> {
    this.access.requirePermission(actor, 'materials.monitor');
    await this.subjectOf(campaignId, subjectId);
    const page = query.page;
    const [totals, { rows, total }] = await Promise.all([
      this.repo.totals(actor, subjectId),
      this.repo.page(actor, subjectId, {
        filter: query.filter,
        search: query.search,
        limit: PAGE,
        offset: (page - 1) * PAGE,
      }),
    ]);
    return { subjectId, totals, rows: rows.map(toTrackingRow), total, page, pageSize: PAGE };
  }

  async startReport(actor: Actor, campaignId: string, subjectId: string): Promise<JobStarted> {
    this.access.requirePermission(actor, 'materials.monitor');
    const s = await this.subjectOf(campaignId, subjectId);
    const job = await this.jobs.enqueue(TRACKING_REPORT_JOB, { subjectId, userId: actor.userId }, actor.userId);
    return {
      jobId: job.id,
      message: `Отчёт «${s.name}, ${s.grade} класс» формируется; он придёт в уведомления`,
    };
  }

  private async subjectOf(campaignId: string, subjectId: string) {
    const s = await this.repo.subject(subjectId);
    if (!s || s.campaign_id !== campaignId) throw notFound('Предмет не найден в этой кампании');
    return s;
  }
}
