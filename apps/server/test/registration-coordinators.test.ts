import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startHarness, type Client, type Harness } from './harness.ts';
import { TEST_PASSWORD } from './factories.ts';
import {
  col,
  download,
  editSheet,
  registrationWorld,
  sheetRows,
  upload,
  type RegistrationWorld,
} from './registration-support.ts';

let h: Harness;
let w: RegistrationWorld;
let reg: Client;

beforeAll(async () => {
  h = await startHarness();
  w = await registrationWorld(h);
  reg = await signedIn(h.app, w.users.reg39.login, TEST_PASSWORD);
});
afterAll(() => h.close());

const contactOf = (login: string) =>
  h.db
    .selectFrom('users')
    .select(['login', 'full_name', 'position', 'phone', 'email', 'must_change_password'])
    .where('login', '=', login)
    .executeTakeFirst();

describe('the list of municipal coordinators', () => {
  it('has one fixed row per municipality of the region', async () => {
    const rows = await sheetRows(await download(reg, '/api/registry/coordinators/file'), 'Координаторы');
    expect(rows[0]).toEqual(['Муниципалитет', 'ФИО', 'Должность', 'Телефон', 'E-mail']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['001 Городской округ Альфа', '002 Округ Бета']);
  });

  it('sets contacts and creates the missing coordinator account with a one-time password', async () => {
    const file = await editSheet(
      await download(reg, '/api/registry/coordinators/file'),
      'Координаторы',
      (ws, header) => {
        const fill = (r: number, v: [string, string, string, string]) => {
          const row = ws.getRow(r);
          row.getCell(col(header, 'ФИО')).value = v[0];
          row.getCell(col(header, 'Должность')).value = v[1];
          row.getCell(col(header, 'Телефон')).value = v[2];
          row.getCell(col(header, 'E-mail')).value = v[3];
        };
        fill(2, ['Альфина Анна Петровна', 'Главный специалист', '+7 (4012) 11-22-33', 'alfa@example.ru']);
        fill(3, ['Бетов Борис Иванович', 'Начальник отдела', '8 4012 44-55-66', 'beta@example.ru']);
      },
    );
    const res = await upload(reg, '/api/registry/coordinators/preview', file);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.counts).toEqual({ created: 1, updated: 1, unchanged: 0, empty: 0 });
    expect(preview.rows).toEqual([
      expect.objectContaining({ row: 2, login: 'reg39_m001', create: false }),
      expect.objectContaining({ row: 3, login: 'reg39_m002', create: true }),
    ]);
    expect(await contactOf('reg39_m002')).toBeUndefined();

    const applied = await reg.post('/api/registry/coordinators/apply', { previewId: preview.previewId });
    expect(applied.statusCode, applied.body).toBe(200);
    const result = applied.json();
    expect(result.counts).toEqual({ created: 1, updated: 1 });
    expect(result.credentials).toHaveLength(1);
    expect(result.credentials[0]).toMatchObject({ login: 'reg39_m002', role: 'municipal_coordinator' });
    expect(await contactOf('reg39_m001')).toMatchObject({
      full_name: 'Альфина Анна Петровна',
      position: 'Главный специалист',
      phone: '+7 (4012) 11-22-33',
      email: 'alfa@example.ru',
    });
    expect(await contactOf('reg39_m002')).toMatchObject({
      full_name: 'Бетов Борис Иванович',
      email: 'beta@example.ru',
      must_change_password: true,
    });
    const mB = await signedIn(h.app, 'reg39_m002', result.credentials[0].password);
    const me = (await mB.get('/api/me')).json();
    expect(me).toMatchObject({ role: 'municipal_coordinator', mustChangePassword: true });
    expect(me.organization.municipalityId).toBe(w.mB.id);

    // the file downloaded now shows the contacts; applying the same preview again is refused
    const rows = await sheetRows(await download(reg, '/api/registry/coordinators/file'), 'Координаторы');
    expect(rows[2]).toEqual([
      '002 Округ Бета',
      'Бетов Борис Иванович',
      'Начальник отдела',
      '8 4012 44-55-66',
      'beta@example.ru',
    ]);
    expect((await reg.post('/api/registry/coordinators/apply', { previewId: preview.previewId })).statusCode).toBe(409);
  });

  it('refuses a bad e-mail and a half-filled contact, naming the cell', async () => {
    const file = await editSheet(
      await download(reg, '/api/registry/coordinators/file'),
      'Координаторы',
      (ws, header) => {
        ws.getRow(2).getCell(col(header, 'E-mail')).value = 'не почта';
        ws.getRow(3).getCell(col(header, 'Телефон')).value = null;
      },
    );
    const res = await upload(reg, '/api/registry/coordinators/preview', file);
    expect(res.statusCode).toBe(400);
    const { issues } = res.json().error;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'Координаторы', row: 2, column: 'E-mail', cell: 'E2' }),
        expect.objectContaining({ sheet: 'Координаторы', row: 3, column: 'Телефон', cell: 'D3' }),
      ]),
    );
    expect(await contactOf('reg39_m001')).toMatchObject({ email: 'alfa@example.ru' });
  });

  it('is the regional coordinator’s: a municipal coordinator and a school are refused', async () => {
    const mun = await signedIn(h.app, w.users.munA.login, TEST_PASSWORD);
    const res = await mun.get('/api/registry/coordinators/file');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/региональный координатор/);
    const school = await signedIn(h.app, w.users.a1.login, TEST_PASSWORD);
    expect((await school.get('/api/registry/coordinators/file')).statusCode).toBe(403);
  });
});
