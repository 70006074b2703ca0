import type { JobStarted } from '@oko/shared';
import type { Actor } from '../access/actor.ts';
import type { JobRunner } from '../jobs/job-runner.ts';
import { DOWNLOAD_REPORT_JOB, type DownloadReportPayload } from './download-report.job.ts';

export class DownloadReportService {
  constructor(private readonly jobs: JobRunner) {}

  /** Scope of the storage was checked by the route; the job reads the caller's part of the country. */
  async start(actor: Actor, storageId: string): Promise<JobStarted> {
    const payload: DownloadReportPayload = { storageId, userId: actor.userId };
    const job = await this.jobs.enqueue(DOWNLOAD_REPORT_JOB, { ...payload }, actor.userId);
    return {
      jobId: job.id,
      message: 'Отчёт формируется. Когда он будет готов, он появится в уведомлениях — его можно скачать и позже.',
    };
  }
}
