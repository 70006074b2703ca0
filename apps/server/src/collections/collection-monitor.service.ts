import type { JobStarted, Monitor, MonitorQuery } from '@oko/shared';
import type { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import { orgScope } from '../access/scope-rules.ts';
import { notFound } from '../http/errors.ts';
import type { JobRunner } from '../jobs/job-runner.ts';
import type { CollectionsRepository } from './collections.repository.ts';
import { EXPORT_JOB } from './collection-export.job.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * The coordinator's side: how far the ОО of its part of the country have got, and the export of
 * everything they submitted. The expected set is every active ОО of the scope the collection is
 * assigned to; a closed ОО is left out of every figure.
 */
export class CollectionMonitorService {
  constructor(private readonly deps: { repo: CollectionsRepository; jobs: JobRunner }) {}

  async monitor(actor: Actor, collectionId: string, query: z.output<typeof MonitorQuery>): Promise<Monitor> {
    const collection = await this.deps.repo.collection(collectionId);
    if (!collection) throw notFound();
    const scope = orgScope(actor);
    const [counts, list] = await Promise.all([
      this.deps.repo.monitorCounts(collectionId, scope),
      this.deps.repo.monitorRows(collectionId, scope, {
        state: query.state,
        q: query.q?.trim() || undefined,
        municipalityId: query.municipalityId,
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      }),
    ]);
    return {
      collectionId,
      title: collection.title,
      counts: {
        total: counts.total,
        notStarted: counts.not_started,
        inProgress: counts.in_progress,
        submitted: counts.submitted,
      },
      rows: list.rows.map((r) => ({
        orgId: r.org_id,
        login: r.login ?? '',
        name: r.name,
        municipality: r.municipality,
        state: r.submitted_at ? 'submitted' : r.started_at ? 'in_progress' : 'not_started',
        startedAt: iso(r.started_at),
        submittedAt: iso(r.submitted_at),
      })),
      matched: list.matched,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** «Экспорт результатов»: built in the background, delivered as a notification. */
  async startExport(actor: Actor, collectionId: string): Promise<JobStarted> {
    const job = await this.deps.jobs.enqueue(EXPORT_JOB, { collectionId, userId: actor.userId }, actor.userId);
    return {
      jobId: job.id,
      message: 'Экспорт результатов формируется. Когда файл будет готов, он появится в уведомлениях.',
    };
  }
}
