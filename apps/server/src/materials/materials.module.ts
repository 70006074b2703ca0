import type { App } from '../http/route-config.ts';
import type { PlatformDeps } from '../platform.ts';
import { CodesRepository } from './codes.repository.ts';
import { GENERATE_CODES_JOB, generateCodesJob } from './generate-codes.job.ts';
import { GENERATE_MATERIALS_JOB, generateMaterialsJob } from './generate-materials.job.ts';
import { MaterialsRepository } from './materials.repository.ts';
import { materialsRoutes } from './materials.routes.ts';
import { MaterialsService } from './materials.service.ts';
import { PasswordSeal } from './password-seal.ts';
import { ProgressRepository } from './progress.repository.ts';
import { ProgressService } from './progress.service.ts';
import { TRACKING_REPORT_JOB, trackingReportJob } from './tracking-report.job.ts';
import { TrackingRepository } from './tracking.repository.ts';
import { TrackingService } from './tracking.service.ts';

/** Wires ВПР materials: generation jobs, «Ход ВПР», the password gate, coordinators' tracking. */
export function materialsModule(app: App, deps: PlatformDeps): void {
  const materials = new MaterialsRepository(deps.db);
  const codes = new CodesRepository(deps.db);
  const tracking = new TrackingRepository(deps.db);
  const seal = PasswordSeal.fromDataDir(deps.config.dataDir);
  deps.jobs.register(GENERATE_MATERIALS_JOB, generateMaterialsJob(deps, materials, seal));
  deps.jobs.register(GENERATE_CODES_JOB, generateCodesJob(deps, { codes, materials }));
  deps.jobs.register(TRACKING_REPORT_JOB, trackingReportJob(deps, tracking));
  materialsRoutes(app, {
    materials: new MaterialsService(materials, deps.access, deps.jobs),
    progress: new ProgressService(new ProgressRepository(deps.db), seal, deps.clock),
    tracking: new TrackingService(tracking, deps.access, deps.jobs),
  });
}
