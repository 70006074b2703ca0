import type { App } from '../http/route-config.ts';
import type { PlatformDeps } from '../platform.ts';
import { analyticsExportJob } from './analytics/analytics-export.job.ts';
import { AnalyticsRepository } from './analytics/analytics.repository.ts';
import { ANALYTICS_EXPORT_JOB, AnalyticsService } from './analytics/analytics.service.ts';
import { IndividualRepository } from './analytics/individual.repository.ts';
import { MonitoringRepository } from './monitoring.repository.ts';
import { MonitoringService } from './monitoring.service.ts';
import { RESULTS_REMINDERS, sendDueReminders, SWEEP_EVERY_MS } from './reminders.ts';
import { ResultsRepository } from './results.repository.ts';
import { resultsRoutes } from './results.routes.ts';
import { ResultsService } from './results.service.ts';

/** Wires ВПР results: the ОО's forms, coordinators' monitoring and reminders, «Аналитика». */
export function resultsModule(app: App, deps: PlatformDeps): void {
  const repo = new ResultsRepository(deps.db);
  const monitoringRepo = new MonitoringRepository(deps.db);
  const individual = new IndividualRepository(deps.db);
  const analytics = new AnalyticsService({
    db: deps.db,
    clock: deps.clock,
    jobs: deps.jobs,
    repo: new AnalyticsRepository(deps.db),
    individual,
  });
  deps.jobs.register(ANALYTICS_EXPORT_JOB, analyticsExportJob(deps, analytics, individual));
  // nodes that run background work also look for a deadline coming closer
  deps.jobs.every(RESULTS_REMINDERS, SWEEP_EVERY_MS, () => sendDueReminders(deps, monitoringRepo));
  resultsRoutes(app, {
    results: new ResultsService({ db: deps.db, clock: deps.clock, repo }),
    monitoring: new MonitoringService({
      db: deps.db,
      clock: deps.clock,
      access: deps.access,
      repo: monitoringRepo,
      results: repo,
    }),
    analytics,
  });
}
