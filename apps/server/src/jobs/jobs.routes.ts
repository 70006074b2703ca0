import { Job, JobParams } from '@oko/shared';
import { notFound } from '../http/errors.ts';
import type { App } from '../http/route-config.ts';
import type { JobsRepository } from './jobs.repository.ts';

export function jobsRoutes(app: App, repo: JobsRepository): void {
  app.get('/api/jobs/:jobId', {
    config: { access: 'authenticated', scope: { jobId: 'job' } },
    schema: { summary: 'Ход фонового задания', tags: ['Задания'], params: JobParams, response: { 200: Job } },
    handler: async (req) => {
      const job = await repo.get(req.params.jobId);
      if (!job) throw notFound();
      return {
        id: job.id,
        kind: job.kind,
        status: job.status,
        done: job.progress_done,
        total: job.progress_total,
        error: job.status === 'failed' ? 'Задание не выполнено; попробуйте ещё раз или обратитесь в поддержку' : null,
        createdAt: job.created_at.toISOString(),
        finishedAt: job.finished_at ? new Date(job.finished_at).toISOString() : null,
      };
    },
  });
}
