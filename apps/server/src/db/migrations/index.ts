import type { Migration } from 'kysely';
import * as m0001 from './0001_hierarchy.ts';
import * as m0002 from './0002_accounts.ts';

/**
 * Every migration file, in order. Listed here rather than read from the directory so the
 * bundled server carries them; a new migration is a new file plus one line.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_hierarchy': m0001,
  '0002_accounts': m0002,
};
