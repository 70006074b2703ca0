import type { Kysely } from 'kysely';
import type { AccessService } from '../access/access.service.ts';
import type { UsersRepository } from '../accounts/users.repository.ts';
import type { AuditRepository } from '../auth/audit.repository.ts';
import type { Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import type { RegistrationRepository } from './registration.repository.ts';

/** What the registration services share. */
export interface RegistrationDeps {
  db: Kysely<DB>;
  clock: Clock;
  access: AccessService;
  repo: RegistrationRepository;
  users: UsersRepository;
  audit: AuditRepository;
  siteUrl: string;
  supportContact: string;
}
