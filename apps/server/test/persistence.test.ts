import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../src/bootstrap.ts';
import { systemClock } from '../src/clock.ts';
import { openDatabase } from '../src/db/database.ts';
import { LocalDiskStorage } from '../src/storage/local-disk-storage.ts';

/** The embedded database lives in DATA_DIR and survives a restart; the demo is seeded only once. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oko-persist-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const platform = { blobs: new LocalDiskStorage(path.join(dir, 'blobs')), clock: systemClock };

describe('embedded database on disk', () => {
  it('keeps data across a restart and seeds the demo country once', async () => {
    const logs: string[] = [];
    const first = await openDatabase({ dataDir: dir });
    await prepareDatabase(first.db, { ...platform, demo: true, log: (m) => logs.push(m) });
    const users = await first.db.selectFrom('users').select('login').execute();
    expect(users.map((u) => u.login)).toContain('sch390001');
    await first.db
      .updateTable('orgs')
      .set({ short_name: 'Переименованная школа' })
      .where('code', '=', '390001')
      .execute();
    await first.close();
    expect(fs.existsSync(path.join(dir, 'pglite'))).toBe(true);

    const second = await openDatabase({ dataDir: dir });
    await prepareDatabase(second.db, { ...platform, demo: true, log: (m) => logs.push(m) });
    const again = await second.db.selectFrom('users').select('login').execute();
    expect(again).toHaveLength(users.length);
    const org = await second.db.selectFrom('orgs').select('short_name').where('code', '=', '390001').executeTakeFirst();
    expect(org?.short_name).toBe('Переименованная школа');
    await second.close();
    expect(logs.filter((l) => l.startsWith('демо-данные созданы'))).toHaveLength(1);
  });

  it('starts empty with DEMO=0 and creates the first federal account only when asked', async () => {
    const db = await openDatabase({ memory: true });
    await prepareDatabase(db.db, { ...platform, demo: false, log: () => {} });
    expect(await db.db.selectFrom('users').select('id').execute()).toHaveLength(0);
    expect(await db.db.selectFrom('regions').select('code').execute()).toHaveLength(89);
    await prepareDatabase(db.db, { ...platform, demo: false, adminPassword: 'First-Admin-Pass-1', log: () => {} });
    const admin = await db.db.selectFrom('users').select(['login', 'role', 'must_change_password']).execute();
    expect(admin).toEqual([{ login: 'admin', role: 'federal_admin', must_change_password: true }]);
    await db.close();
  });
});
