import { ScopeRepository } from '../access/scope.repository.ts';
import type { App } from '../http/route-config.ts';
import type { PlatformDeps } from '../platform.ts';
import { BankRepository } from './bank.repository.ts';
import { bankRoutes } from './bank.routes.ts';
import { BankService } from './bank.service.ts';
import { CampaignsRepository } from './campaigns.repository.ts';
import { campaignsRoutes } from './campaigns.routes.ts';
import { CampaignsService } from './campaigns.service.ts';
import { SchedulePlanRepository } from './schedule-plan.repository.ts';
import { schedulePlanRoutes } from './schedule-plan.routes.ts';
import { SchedulePlanService } from './schedule-plan.service.ts';
import { StructureRepository } from './structure.repository.ts';
import { structureRoutes } from './structure.routes.ts';
import { StructureService } from './structure.service.ts';

/** Wires the campaigns feature (ВПР campaign, subjects, tasks, task bank, plan-schedule). */
export function campaignsModule(app: App, deps: PlatformDeps): void {
  const { db, access, clock } = deps;
  campaignsRoutes(app, new CampaignsService(new CampaignsRepository(db), access, clock));
  structureRoutes(app, new StructureService(new StructureRepository(db), access, clock));
  bankRoutes(app, new BankService(new BankRepository(db), access, clock));
  schedulePlanRoutes(
    app,
    new SchedulePlanService({ repo: new SchedulePlanRepository(db), access, scopes: new ScopeRepository(db), clock }),
  );
}
