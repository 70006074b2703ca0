import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormData } from '@oko/shared';
import { applicationTemplate } from '../src/registration/templates/application.ts';
import { signedIn, startHarness, type Client, type Harness } from './harness.ts';
import { TEST_PASSWORD } from './factories.ts';
import { put, submit } from './collections-support.ts';
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
let a1: Client;
let a2: Client;
let collectionId: string;

const lines = (...l: [string, string, number, number][]): FormData => ({
  application: l.map(([grade, subject, classes, participants]) => ({ grade, subject, classes, participants })),
});

beforeAll(async () => {
  h = await startHarness();
  w = await registrationWorld(h);
  const { id: templateId } = await h.db
    .insertInto('form_templates')
    .values({
      code: applicationTemplate.code,
      title: applicationTemplate.title,
      definition: JSON.stringify(applicationTemplate),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ({ id: collectionId } = await h.db
    .insertInto('collections')
    .values({
      template_id: templateId,
      purpose: 'application',
      title: 'Заявка на участие в ВПР 2026',
      opens_at: new Date('2026-11-15T00:00:00Z'),
      closes_at: new Date('2026-11-30T00:00:00Z'),
      org_kinds: ['school'],
    })
    .returning('id')
    .executeTakeFirstOrThrow());
  // a school whose credentials were never issued: it has no login, yet it belongs in the consolidated file
  await h.db
    .insertInto('orgs')
    .values({
      region_code: '39',
      municipality_id: w.mB.id,
      code: '390008',
      kind: 'school',
      full_name: 'Школа без логина (полное наименование)',
      short_name: 'Школа без логина',
      status: 'active',
    })
    .execute();
  reg = await signedIn(h.app, w.users.reg39.login, TEST_PASSWORD);
  a1 = await signedIn(h.app, w.users.a1.login, TEST_PASSWORD);
  a2 = await signedIn(h.app, w.users.a2.login, TEST_PASSWORD);
  // a1 and a2 fill the application online through the collection routes and submit it; the others do not
  for (const [c, data] of [
    [a1, lines(['4', 'Русский язык', 2, 50], ['4', 'Математика', 2, 50])],
    [a2, lines(['5', 'История', 1, 28])],
  ] as const) {
    const saved = await put(c, collectionId, data, 0);
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = await submit(c, collectionId, saved.json().version);
    expect(sent.statusCode, sent.body).toBe(200);
  }
  // a3 has a draft it never submitted: not an application yet
  const a3 = await signedIn(h.app, w.users.a3.login, TEST_PASSWORD);
  expect((await put(a3, collectionId, lines(['8', 'Химия', 1, 20]), 0)).statusCode).toBe(200);
});
afterAll(() => h.close());

const url = (tail: string) => `/api/applications/${collectionId}/${tail}`;

describe('the consolidated application of the region', () => {
  it('lists every school of the region, also those that did not fill it (a draft is not an application)', async () => {
    const rows = await sheetRows(await download(reg, url('consolidated')), 'Заявки');
    expect(rows[0]).toEqual([
      'Код ОО',
      'Логин ОО',
      'Наименование ОО',
      'Муниципалитет',
      'Состояние заявки',
      'Параллель',
      'Предмет',
      'Число классов',
      'Число участников',
    ]);
    const body = rows.slice(1);
    expect(body.map((r) => r[0])).toEqual(['390001', '390001', '390002', '390003', '390005', '390008']);
    expect(body[5]!.slice(0, 5)).toEqual(['390008', '', 'Школа без логина', 'Округ Бета', 'не заполнена']);
    expect(body[0]).toEqual([
      '390001',
      'sch390001',
      'Школа Альфа-1',
      'Городской округ Альфа',
      'сдана ОО',
      '4',
      'Русский язык',
      '2',
      '50',
    ]);
    // not filled: one row with the school and nothing else
    expect(body[3]).toEqual([
      '390003',
      'sch390003',
      'Школа Альфа-3',
      'Городской округ Альфа',
      'в работе, не сдана',
      '',
      '',
      '',
      '',
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/ЧУЖ|770001|390004|Колледж/);
    const list = (await reg.get('/api/applications')).json();
    expect(list.collections[0].progress).toEqual({
      total: 5,
      notStarted: 2,
      inProgress: 1,
      submitted: 2,
      confirmed: 0,
    });
  });

  it('a school cannot download it', async () => {
    expect((await a1.get(url('consolidated'))).statusCode).toBe(403);
    const mun = await signedIn(h.app, w.users.munA.login, TEST_PASSWORD);
    expect((await mun.get(url('consolidated'))).statusCode).toBe(403);
  });

  it('confirms and corrects by upload; schools see the confirmed figures', async () => {
    const file = await editSheet(await download(reg, url('consolidated')), 'Заявки', (ws, header) => {
      const login = col(header, 'Логин ОО');
      const code = col(header, 'Код ОО');
      // a1: Математика 50 → 48 participants; a2 as sent; b1 gets a line the coordinator adds
      const mathRow = ws.getRow(rowWith(ws, col(header, 'Предмет'), 'Математика'));
      expect(mathRow.getCell(login).value).toBe('sch390001');
      mathRow.getCell(col(header, 'Число участников')).value = 48;
      const b1 = ws.getRow(rowWith(ws, code, '390005'));
      b1.getCell(col(header, 'Параллель')).value = '7';
      b1.getCell(col(header, 'Предмет')).value = 'Физика';
      b1.getCell(col(header, 'Число участников')).value = 31;
    });
    const res = await upload(reg, url('preview'), file);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.counts).toEqual({ confirm: 1, correct: 2, withdraw: 0, same: 0, skipped: 2 });
    const byLogin = Object.fromEntries(preview.schools.map((s: { login: string }) => [s.login, s]));
    expect(byLogin.sch390001.kind).toBe('correct');
    expect(byLogin.sch390002.kind).toBe('confirm');
    expect(byLogin.sch390005).toMatchObject({
      kind: 'correct',
      before: [],
      after: [{ grade: '7', subject: 'Физика', participants: 31 }],
    });

    // nothing is confirmed before «Применить»
    expect((await a1.get(url('mine'))).json().confirmation).toBeNull();
    const applied = await reg.post(url('apply'), { previewId: preview.previewId });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().confirmed).toBe(3);

    const mine1 = (await a1.get(url('mine'))).json();
    expect(mine1.state).toBe('submitted');
    expect(mine1.confirmation).toMatchObject({ version: 1, confirmedBy: 'reg390000', corrected: true });
    expect(mine1.confirmation.lines).toEqual([
      { grade: '4', subject: 'Русский язык', classes: 2, participants: 50 },
      { grade: '4', subject: 'Математика', classes: 2, participants: 48 },
    ]);
    const mine2 = (await a2.get('/api/applications/mine')).json();
    expect(mine2.applications[0].confirmation).toMatchObject({
      corrected: false,
      lines: [{ grade: '5', subject: 'История' }],
    });

    const list = (await reg.get('/api/applications')).json();
    expect(list.collections[0].progress.confirmed).toBe(3);
    const rows = await sheetRows(await download(reg, url('consolidated')), 'Заявки');
    expect(rows.filter((r) => r[0] === '390005')[0]![4]).toBe('подтверждена');

    // the same file again: nothing left to confirm
    const again = (await upload(reg, url('preview'), file)).json();
    expect(again.counts.same).toBe(3);
    expect(again.canApply).toBe(false);
    expect((await reg.post(url('apply'), { previewId: preview.previewId })).statusCode).toBe(409);
  });

  it('names the row of an unknown ОО code and of a repeated line', async () => {
    const file = await editSheet(await download(reg, url('consolidated')), 'Заявки', (ws, header) => {
      const r = firstEmptyRow(ws);
      const row = ws.getRow(r);
      row.getCell(col(header, 'Код ОО')).value = '770001';
      const dup = ws.getRow(r + 1);
      dup.getCell(col(header, 'Код ОО')).value = '390002';
      dup.getCell(col(header, 'Параллель')).value = '5';
      dup.getCell(col(header, 'Предмет')).value = 'История';
      dup.getCell(col(header, 'Число участников')).value = 10;
    });
    const preview = (await upload(reg, url('preview'), file)).json();
    expect(preview.canApply).toBe(false);
    expect(preview.errors).toEqual([
      expect.objectContaining({ sheet: 'Заявки', column: 'Код ОО', message: expect.stringMatching(/770001/) }),
      expect.objectContaining({
        sheet: 'Заявки',
        column: 'Предмет',
        message: expect.stringMatching(/уже указан в строке/),
      }),
    ]);
    expect(preview.errors[1].row).toBe(preview.errors[0].row + 1);
  });

  it('refuses a subject in a parallel where it is not written, naming the cell', async () => {
    const file = await editSheet(await download(reg, url('consolidated')), 'Заявки', (ws, header) => {
      ws.getRow(rowWith(ws, col(header, 'Код ОО'), '390003')).getCell(col(header, 'Параллель')).value = '4';
      ws.getRow(rowWith(ws, col(header, 'Код ОО'), '390003')).getCell(col(header, 'Предмет')).value = 'Химия';
      ws.getRow(rowWith(ws, col(header, 'Код ОО'), '390003')).getCell(col(header, 'Число участников')).value = 20;
    });
    const res = await upload(reg, url('preview'), file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({
      sheet: 'Заявки',
      column: 'Параллель',
      message: expect.stringMatching(/Химия/),
    });
  });
});
