import type { Migration } from 'kysely';
import * as m0001 from './0001_hierarchy.ts';
import * as m0002 from './0002_accounts.ts';
import * as m0003 from './0003_platform.ts';
import * as m0004 from './0004_registration.ts';
import * as m0005 from './0005_campaigns.ts';
import * as m0006 from './0006_materials.ts';
import * as m0007 from './0007_results.ts';

/**
 * Every migration file, in order. Listed here rather than read from the directory so the
 * bundled server carries them; a new migration is a new file plus one line.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_hierarchy': m0001,
  '0002_accounts': m0002,
  '0003_platform': m0003,
  '0004_registration': m0004,
  '0005_campaigns': m0005,
  '0006_materials': m0006,
  '0007_results': m0007,
};
