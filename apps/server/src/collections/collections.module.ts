import type { App } from '../http/route-config.ts';
import type { PlatformDeps } from '../platform.ts';
import { CollectionExportRepository } from './collection-export.repository.ts';
import { collectionExportJob, EXPORT_JOB } from './collection-export.job.ts';
import { CollectionMonitorService } from './collection-monitor.service.ts';
import { CollectionsRepository } from './collections.repository.ts';
import { collectionsRoutes } from './collections.routes.ts';
import { CollectionsService } from './collections.service.ts';
import { TemplateStore } from './template-store.ts';

/** Wires the collections feature: repositories, service, job handlers, routes. */
export function collectionsModule(app: App, deps: PlatformDeps): void {
  const repo = new CollectionsRepository(deps.db);
  const exports = new CollectionExportRepository(deps.db);
  const templates = new TemplateStore(repo);
  const svc = new CollectionsService({ db: deps.db, clock: deps.clock, access: deps.access, repo, templates });
  const monitor = new CollectionMonitorService({ repo, jobs: deps.jobs });
  deps.jobs.register(EXPORT_JOB, collectionExportJob(deps, { collections: repo, exports, templates }));
  collectionsRoutes(app, svc, monitor);
}
