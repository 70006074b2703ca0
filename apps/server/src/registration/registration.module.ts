import { UsersRepository } from '../accounts/users.repository.ts';
import { AuditRepository } from '../auth/audit.repository.ts';
import type { App } from '../http/route-config.ts';
import type { PlatformDeps } from '../platform.ts';
import { ApplicationsService } from './applications.service.ts';
import { CoordinatorsService } from './coordinators.service.ts';
import type { RegistrationDeps } from './deps.ts';
import { RegistrationRepository } from './registration.repository.ts';
import { registrationRoutes } from './registration.routes.ts';
import { RegistryService } from './registry.service.ts';

/** Wires the registration feature: the registry check, the municipal coordinators list, the applications. */
export function registrationModule(app: App, deps: PlatformDeps): void {
  const shared: RegistrationDeps = {
    db: deps.db,
    clock: deps.clock,
    access: deps.access,
    repo: new RegistrationRepository(deps.db),
    users: new UsersRepository(deps.db),
    audit: new AuditRepository(deps.db),
    siteUrl: deps.config.publicUrl,
    supportContact: deps.config.supportContact,
  };
  registrationRoutes(app, {
    registry: new RegistryService(shared),
    coordinators: new CoordinatorsService(shared),
    applications: new ApplicationsService(shared),
  });
}
