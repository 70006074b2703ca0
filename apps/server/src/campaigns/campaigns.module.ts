import type { App } from '../http/route-config.ts';
import type { PlatformDeps } from '../platform.ts';
import { CampaignsRepository } from './campaigns.repository.ts';
import { campaignsRoutes } from './campaigns.routes.ts';
import { CampaignsService } from './campaigns.service.ts';

/** Wires the campaigns feature (ВПР campaign, subjects, tasks, plan-schedule). */
export function campaignsModule(app: App, deps: PlatformDeps): void {
  campaignsRoutes(app, new CampaignsService(new CampaignsRepository(deps.db), deps.access, deps.clock));
}
