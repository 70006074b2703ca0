import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signedIn, startHarness, type Harness } from './harness.ts';
import { TEST_PASSWORD } from './factories.ts';
import {
  col,
  download,
  editSheet,
  firstEmptyRow,
  registrationWorld,
  rowWith,
  sheetRows,
  upload,
  type RegistrationWorld,
} from './registration-support.ts';

let h: Harness;
let w: RegistrationWorld;
let reg: Client;
let mun: Client;

beforeAll(async () => {
  h = await startHarness();
  w = await registrationWorld(h);
  reg = await signedIn(h.app, w.users.reg39.login, TEST_PASSWORD);
  mun = await signedIn(h.app, w.users.munA.login, TEST_PASSWORD);
});
afterAll(() => h.close());

const russian = (s: string) => expect(s).toMatch(/[А-Яа-яЁё]/);
const orgsSnapshot = () =>
  h.db
    .selectFrom('orgs')
    .select(['code', 'full_name', 'short_name', 'status', 'municipality_id'])
    .orderBy('code')
    .execute();
const stagedCount = async () =>
  Number(
    (
      await h.db
        .selectFrom('staged_changes')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('registry check by the regional coordinator', () => {
  it('downloads the schools of its region only, with codes, logins, municipalities and statuses', async () => {
    const rows = await sheetRows(await download(reg, '/api/registry/file'), 'ОО');
    expect(rows[0]).toEqual([
      'Код ОО',
      'Логин',
      'Полное наименование',
      'Краткое наименование',
      'Муниципалитет',
      'Статус',
    ]);
    const body = rows.slice(1);
    expect(body.map((r) => r[0])).toEqual(['390001', '390002', '390003', '390004', '390005']);
    expect(body[0]).toEqual([
      '390001',
      'sch390001',
      'Школа Альфа-1 (полное наименование)',
      'Школа Альфа-1',
      '001 Городской округ Альфа',
      'действует',
    ]);
    expect(body[3]![5]).toBe('закрыта');
    expect(JSON.stringify(rows)).not.toMatch(/ЧУЖ|770001|Колледж/);
  });

  it('closes one, renames one, adds two: exact preview, then one transaction with real logins', async () => {
    const file = await editSheet(await download(reg, '/api/registry/file'), 'ОО', (ws, header) => {
      const code = col(header, 'Код ОО');
      ws.getRow(rowWith(ws, code, '390002')).getCell(col(header, 'Статус')).value = 'закрыта';
      ws.getRow(rowWith(ws, code, '390003')).getCell(col(header, 'Краткое наименование')).value = 'Гимназия Альфа-3';
      const first = firstEmptyRow(ws);
      const add = (r: number, name: string, municipality: string) => {
        const row = ws.getRow(r);
        row.getCell(col(header, 'Полное наименование')).value = `${name} (полное наименование)`;
        row.getCell(col(header, 'Краткое наименование')).value = name;
        row.getCell(col(header, 'Муниципалитет')).value = municipality;
        row.getCell(col(header, 'Статус')).value = 'действует';
      };
      add(first, 'Новая школа Альфа', '001 Городской округ Альфа');
      add(first + 1, 'Новая школа Бета', '002 Округ Бета');
    });
    const res = await upload(reg, '/api/registry/preview', file);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.counts).toEqual({ added: 2, closed: 1, changed: 1, unchanged: 3 });
    expect(preview.errors).toEqual([]);
    expect(preview.canApply).toBe(true);
    expect(preview.closed.map((r: { code: string }) => r.code)).toEqual(['390002']);
    expect(preview.changed[0]).toMatchObject({
      code: '390003',
      row: 4,
      changes: [{ field: 'Краткое наименование', before: 'Школа Альфа-3', after: 'Гимназия Альфа-3' }],
    });
    expect(
      preview.added.map((r: { shortName: string; municipality: string }) => [r.shortName, r.municipality]),
    ).toEqual([
      ['Новая школа Альфа', 'Городской округ Альфа'],
      ['Новая школа Бета', 'Округ Бета'],
    ]);
    // nothing has changed yet
    expect(
      (await h.db.selectFrom('orgs').select('status').where('code', '=', '390002').executeTakeFirstOrThrow()).status,
    ).toBe('active');

    const a2session = await signedIn(h.app, w.users.a2.login, TEST_PASSWORD);
    const applied = await reg.post('/api/registry/apply', { previewId: preview.previewId });
    expect(applied.statusCode, applied.body).toBe(200);
    // the closed school's session ends and it can no longer sign in
    h.clock.advance(3_000); // past the session cache
    expect((await a2session.get('/api/me')).statusCode).toBe(401);
    const refused = await new Client(h.app).login(w.users.a2.login, TEST_PASSWORD);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/закрыт/);
    const result = applied.json();
    expect(result.counts).toEqual({ added: 2, closed: 1, changed: 1 });
    // schools continue after the highest school number (0005), not after the college band (0101)
    expect(result.credentials.map((c: { login: string }) => c.login)).toEqual(['sch390006', 'sch390007']);
    expect(result.pdfBase64).toBeTruthy();
    expect(Buffer.from(result.xlsxBase64, 'base64').subarray(0, 2).toString()).toBe('PK');

    const orgs = await h.db
      .selectFrom('orgs')
      .select(['code', 'short_name', 'status', 'municipality_id'])
      .where('code', 'in', ['390002', '390003', '390006', '390007'])
      .orderBy('code')
      .execute();
    expect(orgs).toEqual([
      { code: '390002', short_name: 'Школа Альфа-2', status: 'closed', municipality_id: w.mA.id },
      { code: '390003', short_name: 'Гимназия Альфа-3', status: 'active', municipality_id: w.mA.id },
      { code: '390006', short_name: 'Новая школа Альфа', status: 'active', municipality_id: w.mA.id },
      { code: '390007', short_name: 'Новая школа Бета', status: 'active', municipality_id: w.mB.id },
    ]);

    // the new ОО sign in with the one-time password and must change it
    const [first] = result.credentials as { login: string; password: string }[];
    const school = await signedIn(h.app, first!.login, first!.password);
    const me = (await school.get('/api/me')).json();
    expect(me).toMatchObject({ login: 'sch390006', role: 'school', mustChangePassword: true });
    expect(me.organization.name).toBe('Новая школа Альфа');
    const audit = await h.db
      .selectFrom('audit_log')
      .select('event')
      .where('user_id', '=', me.id)
      .where('event', '=', 'credentials.issued')
      .execute();
    expect(audit).toHaveLength(1);

    // applying twice is refused, and the passwords are never answered again
    const again = await reg.post('/api/registry/apply', { previewId: preview.previewId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/уже применены/);
    expect(again.body).not.toContain(first!.password);
  });

  it('refuses a stale preview: the registry changed after the upload', async () => {
    const file = await editSheet(await download(reg, '/api/registry/file'), 'ОО', (ws, header) => {
      ws.getRow(rowWith(ws, col(header, 'Код ОО'), '390001')).getCell(col(header, 'Краткое наименование')).value =
        'Школа Альфа-1 им. Гагарина';
    });
    const preview = (await upload(reg, '/api/registry/preview', file)).json();
    expect(preview.counts.changed).toBe(1);
    // someone else renames another school meanwhile
    await h.db.updateTable('orgs').set({ short_name: 'Школа Бета-1 (новое)' }).where('code', '=', '390005').execute();
    const res = await reg.post('/api/registry/apply', { previewId: preview.previewId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/изменились после загрузки файла/);
    const row = await h.db
      .selectFrom('orgs')
      .select('short_name')
      .where('code', '=', '390001')
      .executeTakeFirstOrThrow();
    expect(row.short_name).toBe('Школа Альфа-1');
  });

  it('refuses an expired preview and another user’s preview', async () => {
    const file = await editSheet(await download(reg, '/api/registry/file'), 'ОО', (ws, header) => {
      ws.getRow(rowWith(ws, col(header, 'Код ОО'), '390001')).getCell(col(header, 'Краткое наименование')).value =
        'Школа Альфа-1 (переименована)';
    });
    const preview = (await upload(reg, '/api/registry/preview', file)).json();
    const foreign = await mun.post('/api/registry/apply', { previewId: preview.previewId });
    expect(foreign.statusCode).toBe(404);
    h.clock.advance(3 * 60 * 60 * 1000);
    const res = await reg.post('/api/registry/apply', { previewId: preview.previewId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/устарел/);
  });

  it('names the row of a business error (edited login, ОО added twice) and blocks apply', async () => {
    const before = await orgsSnapshot();
    const file = await editSheet(await download(reg, '/api/registry/file'), 'ОО', (ws, header) => {
      ws.getRow(rowWith(ws, col(header, 'Код ОО'), '390001')).getCell(col(header, 'Логин')).value = 'sch399999';
      const r = ws.getRow(firstEmptyRow(ws));
      r.getCell(col(header, 'Полное наименование')).value = 'Школа Бета-1 (полное наименование)';
      r.getCell(col(header, 'Краткое наименование')).value = 'Бета-1 ещё раз';
      r.getCell(col(header, 'Муниципалитет')).value = '002 Округ Бета';
      r.getCell(col(header, 'Статус')).value = 'действует';
    });
    const preview = (await upload(reg, '/api/registry/preview', file)).json();
    expect(preview.canApply).toBe(false);
    expect(preview.errors).toEqual([
      expect.objectContaining({
        sheet: 'ОО',
        row: 2,
        column: 'Логин',
        cell: 'B2',
        message: expect.stringMatching(/sch390001/),
      }),
      expect.objectContaining({
        sheet: 'ОО',
        column: 'Полное наименование',
        message: expect.stringMatching(/уже есть в реестре/),
      }),
    ]);
    const res = await reg.post('/api/registry/apply', { previewId: preview.previewId });
    expect(res.statusCode).toBe(400);
    russian(res.json().error.message);
    expect(await orgsSnapshot()).toEqual(before);
  });
});

describe('registry check by a municipal coordinator', () => {
  it('sees only its municipality, without a municipality column', async () => {
    const rows = await sheetRows(await download(mun, '/api/registry/file'), 'ОО');
    expect(rows[0]).toEqual(['Код ОО', 'Логин', 'Полное наименование', 'Краткое наименование', 'Статус']);
    const codes = rows.slice(1).map((r) => r[0]);
    expect(codes).toContain('390001');
    expect(codes).not.toContain('390005');
    expect(JSON.stringify(rows)).not.toMatch(/Бета/);
    const overview = (await mun.get('/api/registry')).json();
    expect(overview).toMatchObject({
      scopeTitle: 'Городской округ Альфа',
      level: 'municipality',
      canManageCoordinators: false,
    });
  });

  it('cannot touch an ОО of another municipality: the row is refused and named', async () => {
    const before = await orgsSnapshot();
    const file = await editSheet(await download(mun, '/api/registry/file'), 'ОО', (ws, header) => {
      const r = ws.getRow(firstEmptyRow(ws));
      r.getCell(col(header, 'Код ОО')).value = '390005';
      r.getCell(col(header, 'Полное наименование')).value = 'Школа Бета-1 (полное наименование)';
      r.getCell(col(header, 'Краткое наименование')).value = 'Захваченная школа';
      r.getCell(col(header, 'Статус')).value = 'закрыта';
    });
    const res = await upload(mun, '/api/registry/preview', file);
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.canApply).toBe(false);
    expect(preview.counts.closed).toBe(0);
    const issue = preview.errors.find((e: { column: string }) => e.column === 'Код ОО');
    expect(issue).toMatchObject({ sheet: 'ОО', column: 'Код ОО' });
    expect(issue.row).toBeGreaterThan(1);
    expect(issue.cell).toBe(`A${issue.row}`);
    expect(issue.message).toMatch(/390005/);
    expect((await mun.post('/api/registry/apply', { previewId: preview.previewId })).statusCode).toBe(400);
    expect(await orgsSnapshot()).toEqual(before);
  });

  it('adds a school into its own municipality', async () => {
    const file = await editSheet(await download(mun, '/api/registry/file'), 'ОО', (ws, header) => {
      const r = ws.getRow(firstEmptyRow(ws));
      r.getCell(col(header, 'Полное наименование')).value = 'Муниципальная школа (полное наименование)';
      r.getCell(col(header, 'Краткое наименование')).value = 'Муниципальная школа';
      r.getCell(col(header, 'Статус')).value = 'действует';
    });
    const preview = (await upload(mun, '/api/registry/preview', file)).json();
    expect(preview.counts).toMatchObject({ added: 1, closed: 0 });
    const res = await mun.post('/api/registry/apply', { previewId: preview.previewId });
    expect(res.statusCode, res.body).toBe(200);
    const [cred] = res.json().credentials;
    const org = await h.db
      .selectFrom('orgs')
      .select(['municipality_id', 'code'])
      .where('short_name', '=', 'Муниципальная школа')
      .executeTakeFirstOrThrow();
    expect(org.municipality_id).toBe(w.mA.id);
    expect(cred.login).toBe(`sch${org.code}`);
  });
});

describe('bad files change nothing and are named by sheet, row and column', () => {
  const refused = async (file: Buffer) => {
    const before = await orgsSnapshot();
    const staged = await stagedCount();
    const res = await upload(reg, '/api/registry/preview', file);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    russian(body.error.message);
    expect(await orgsSnapshot()).toEqual(before);
    expect(await stagedCount()).toBe(staged);
    return body.error as {
      code: string;
      message: string;
      issues: { sheet: string; row: number; column: string | null; cell: string | null }[];
    };
  };

  it('a file of another template (the coordinators list)', async () => {
    const other = await download(reg, '/api/registry/coordinators/file');
    const error = await refused(other);
    expect(error.code).toBe('FORM_INVALID');
    expect(`${error.message} ${JSON.stringify(error.issues)}`).toMatch(/ОО/);
  });

  it('a formula in a cell', async () => {
    const file = await editSheet(await download(reg, '/api/registry/file'), 'ОО', (ws, header) => {
      ws.getRow(2).getCell(col(header, 'Краткое наименование')).value = {
        formula: 'CONCATENATE("a","b")',
        result: 'ab',
      };
    });
    const error = await refused(file);
    expect(error.issues[0]).toMatchObject({ sheet: 'ОО', row: 2, column: 'Краткое наименование', cell: 'D2' });
  });

  it('a moved column', async () => {
    const file = await editSheet(await download(reg, '/api/registry/file'), 'ОО', (ws) => {
      ws.spliceColumns(3, 0, []);
    });
    const error = await refused(file);
    expect(error.issues[0]).toMatchObject({ sheet: 'ОО', row: 1 });
    expect(error.issues[0]!.column).toBeTruthy();
  });

  it('an empty or non-XLSX file', async () => {
    await refused(Buffer.from('Код ОО;Логин\n390001;sch390001\n'));
  });
});

describe('who may do it', () => {
  it('a school and a foreign coordinator are refused', async () => {
    const school = await signedIn(h.app, w.users.a1.login, TEST_PASSWORD);
    expect((await school.get('/api/registry/file')).statusCode).toBe(403);
    const reg77 = await signedIn(h.app, w.users.reg77.login, TEST_PASSWORD);
    expect((await reg77.get('/api/registry/file?regionCode=39')).statusCode).toBe(404);
    const rows = await sheetRows(await download(reg77, '/api/registry/file'), 'ОО');
    expect(rows.slice(1).map((r) => r[0])).toEqual(['770001']);
  });
});
