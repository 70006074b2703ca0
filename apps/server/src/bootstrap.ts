import type { Kysely } from 'kysely';
import { REGIONS } from '@oko/shared';
import type { DB } from './db/schema.ts';
import { migrateToLatest } from './db/migrate.ts';
import { HierarchyRepository } from './hierarchy/hierarchy.repository.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { hashPassword } from './auth/passwords.ts';
import type { Clock } from './clock.ts';
import { seedDemoPlatform } from './demo/seed-platform.ts';
import type { BlobStorage } from './storage/blob-storage.ts';

/**
 * What every start does before serving: schema up to date, the reference table of regions in place,
 * and on an empty database either the demo country or the first federal account.
 */
export async function prepareDatabase(
  db: Kysely<DB>,
  opts: {
    demo: boolean;
    adminPassword?: string | undefined;
    log: (msg: string) => void;
    blobs: BlobStorage;
    clock: Clock;
  },
): Promise<void> {
  const applied = await migrateToLatest(db as Kysely<unknown>);
  if (applied.length) opts.log(`миграции применены: ${applied.join(', ')}`);
  await new HierarchyRepository(db).upsertRegions(REGIONS);
  if (opts.demo) {
    const seeded = await seedDemo(db);
    if (seeded) {
      await seedDemoPlatform({ db, blobs: opts.blobs, clock: opts.clock });
      opts.log(`демо-данные созданы: ${seeded.accounts} учётных записей`);
    }
    return;
  }
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return;
  if (!opts.adminPassword) {
    opts.log('база пуста: задайте OKO_ADMIN_PASSWORD, чтобы создать учётную запись федерального организатора admin');
    return;
  }
  await db
    .insertInto('users')
    .values({
      login: 'admin',
      role: 'federal_admin',
      password_hash: await hashPassword(opts.adminPassword),
      must_change_password: true,
    })
    .execute();
  opts.log('создана учётная запись федерального организатора admin (пароль из OKO_ADMIN_PASSWORD, сменить при входе)');
}
