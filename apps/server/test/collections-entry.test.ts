import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { conflictVersion, type CollectionSummary, type CollectionView, type FormIssues } from '@oko/shared';
import { sampleQuestionnaireData } from '../src/demo/seed-collections.ts';
import { startHarness, type Client, type Harness } from './harness.ts';
import { as, collectionWorld, entrySnapshot, put, submit, type CollectionWorld } from './collections-support.ts';

let h: Harness;
let w: CollectionWorld;
let s1: Client;
let s2: Client;
const NOW = '2026-11-20T06:00:00Z';

beforeAll(async () => {
  h = await startHarness();
  w = await collectionWorld(h);
  s1 = await as(h, w.users.s1.login);
  s2 = await as(h, w.users.s2.login);
});
afterAll(() => h.close());
afterEach(() => h.clock.set(NOW));

const closeAt = (at: string) =>
  h.db
    .updateTable('collections')
    .set({ closes_at: new Date(at) })
    .where('id', '=', w.collectionId)
    .execute();

const view = async (c: Client) => {
  const res = await c.get(`/api/collections/${w.collectionId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CollectionView;
};

describe('filling a collection online', () => {
  it('an ОО opens a blank form, autosaves, reloads and finds its data with read-only cells filled', async () => {
    const blank = await view(s1);
    expect(blank.entry).toBeNull();
    expect(blank.canEdit).toBe(true);
    expect(blank.status).toBe('open');
    expect(blank.template.sheets.map((s) => s.title)).toEqual(['Общие сведения', 'Параллели', 'Учителя']);
    expect(blank.attributes.login).toBe(w.users.s1.login);

    const data = {
      // a forged prefill value is replaced by the server's; the computed column is recomputed
      general: [{ _row: 'oo', login: 'подделка', students: 512, teachersStaff: 30, teachersPart: 4, teachersTotal: 1 }],
      teachers: [{ subject: 'Математика', experience: 'пять', category: null }],
    };
    const first = await put(s1, w.collectionId, data, 0);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ version: 1, savedAt: new Date(NOW).toISOString() });

    const again = await view(s1);
    expect(again.entry?.version).toBe(1);
    expect(again.entry?.submittedAt).toBeNull();
    const general = again.entry!.data.general![0]!;
    expect(general).toMatchObject({ _row: 'oo', login: w.users.s1.login, students: 512, teachersTotal: 34 });
    // a mistyped number is kept for the user to correct, not lost
    expect(again.entry!.data.teachers![0]).toMatchObject({ subject: 'Математика', experience: 'пять' });

    const second = await put(s1, w.collectionId, again.entry!.data, 1);
    expect(second.json()).toMatchObject({ version: 2 });
  });

  it('refuses data that does not fit the template, naming the sheet and column, and stores nothing', async () => {
    const before = await entrySnapshot(h, w.collectionId, w.s1.id);
    const unknownSheet = await put(s1, w.collectionId, { secret: [{ a: 1 }] }, 2);
    expect(unknownSheet.statusCode).toBe(400);
    const issues = (unknownSheet.json() as FormIssues).error.issues;
    expect(issues[0]).toMatchObject({ sheet: 'secret' });
    const numberInList = await put(s1, w.collectionId, { teachers: [{ subject: 5, nosuch: 'x' }] }, 2);
    expect(numberInList.statusCode).toBe(400);
    const body = numberInList.json() as FormIssues;
    expect(body.error.code).toBe('FORM_INVALID');
    expect(body.error.issues.map((i) => [i.sheet, i.row, i.column])).toEqual([
      ['Учителя', 1, 'Предмет'],
      ['Учителя', 1, 'nosuch'],
    ]);
    const badRow = await put(s1, w.collectionId, { grades: [{ _row: 'g3', classes: 1 }] }, 2);
    expect(badRow.statusCode).toBe(400);
    expect(await entrySnapshot(h, w.collectionId, w.s1.id)).toEqual(before);
  });

  it('two tabs: a save from an outdated version is refused with 409 and overwrites nothing', async () => {
    const tabA = await as(h, w.users.s1.login);
    const tabB = await as(h, w.users.s1.login);
    const start = (await view(tabA)).entry!.version;
    const a = await put(tabA, w.collectionId, { general: [{ _row: 'oo', students: 700 }] }, start);
    expect(a.statusCode).toBe(200);
    const b = await put(tabB, w.collectionId, { general: [{ _row: 'oo', students: 1 }] }, start);
    expect(b.statusCode).toBe(409);
    const err = b.json() as { error: { code: string; message: string } };
    expect(err.error.code).toBe('VERSION_CONFLICT');
    expect(err.error.message).toMatch(/^Форма изменена в другой вкладке или другим пользователем.*обновите страницу/);
    expect(conflictVersion(b.json())).toBe(start + 1);
    expect((await view(tabA)).entry!.data.general![0]!.students).toBe(700);
  });

  it('of two concurrent saves from the same version exactly one wins, also for the very first save', async () => {
    const s3 = await as(h, w.users.s3.login);
    const firsts = await Promise.all([
      put(s3, w.collectionId, { general: [{ _row: 'oo', students: 1 }] }, 0),
      put(s3, w.collectionId, { general: [{ _row: 'oo', students: 2 }] }, 0),
    ]);
    expect(firsts.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const both = await Promise.all(
      [10, 20, 30].map((n) => put(s3, w.collectionId, { general: [{ _row: 'oo', students: n }] }, 1)),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const stored = await entrySnapshot(h, w.collectionId, w.s3.id);
    expect(stored.entry?.version).toBe(2);
  });
});

describe('open and closed', () => {
  it('after the close autosave is refused; a reopen exception lets that ОО alone save again', async () => {
    const v = (await view(s1)).entry!.version;
    // closes_at itself is already closed (moving the collection, not the clock, keeps the sessions alive)
    await closeAt(NOW);
    try {
      const late = await put(s1, w.collectionId, { general: [{ _row: 'oo', students: 5 }] }, v);
      expect(late.statusCode).toBe(403);
      expect(late.json().error.message).toMatch(/^Сбор данных закрыт/);
      const closedView = await view(s1);
      expect([closedView.status, closedView.canEdit]).toEqual(['closed', false]);
      expect(((await s1.get('/api/collections')).json() as CollectionSummary[])[0]!.status).toBe('closed');

      const reg = await as(h, w.users.reg39.login);
      const grant = await reg.post(`/api/collections/${w.collectionId}/exceptions`, {
        orgId: w.s1.id,
        openUntil: '2026-11-20T12:00:00+03:00',
      });
      expect(grant.statusCode, grant.body).toBe(200);
      expect(grant.json()).toEqual({ orgId: w.s1.id, openUntil: '2026-11-20T09:00:00.000Z' });

      const reopened = await put(s1, w.collectionId, { general: [{ _row: 'oo', students: 5 }] }, v);
      expect(reopened.statusCode, reopened.body).toBe(200);
      const s1View = await view(s1);
      expect([s1View.status, s1View.canEdit, s1View.openUntil]).toEqual(['open', true, '2026-11-20T09:00:00.000Z']);
      const listed = ((await s1.get('/api/collections')).json() as CollectionSummary[])[0]!;
      expect([listed.status, listed.openUntil]).toEqual(['open', '2026-11-20T09:00:00.000Z']);
      const other = await put(s2, w.collectionId, { general: [{ _row: 'oo', students: 5 }] }, 0);
      expect(other.statusCode).toBe(403);

      h.clock.set('2026-11-20T09:00:00Z');
      expect((await put(s1, w.collectionId, { general: [] }, v + 1)).statusCode).toBe(403);
    } finally {
      await closeAt('2026-12-01T00:00:00Z');
    }
  });

  it('only a coordinator with the right reopens, only for an ОО of its scope, only into the future', async () => {
    const reg = await as(h, w.users.reg39.login);
    const url = `/api/collections/${w.collectionId}/exceptions`;
    const later = '2026-12-10T00:00:00Z';
    expect((await reg.post(url, { orgId: w.sF.id, openUntil: later })).statusCode).toBe(404);
    expect((await reg.post(url, { orgId: w.c1.id, openUntil: later })).statusCode).toBe(404);
    const past = await reg.post(url, { orgId: w.s2.id, openUntil: '2026-11-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    const mun = await as(h, w.users.munA.login);
    expect((await mun.post(url, { orgId: w.s2.id, openUntil: later })).statusCode).toBe(403);
    expect(await h.db.selectFrom('collection_exceptions').select('org_id').execute()).toEqual([{ org_id: w.s1.id }]);
  });
});

describe('submitting', () => {
  it('a form with errors is refused with every cell listed, and nothing is kept', async () => {
    const saved = await put(s2, w.collectionId, { general: [{ _row: 'oo', students: 0, internet: 'Может быть' }] }, 0);
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await submit(s2, w.collectionId, 1);
    expect(res.statusCode).toBe(400);
    const body = res.json() as FormIssues;
    expect(body.error.code).toBe('FORM_INVALID');
    expect(body.error.message).toMatch(/исправьте ошибки/);
    const general = body.error.issues.filter((i) => i.sheet === 'Общие сведения');
    const byColumn = Object.fromEntries(general.map((i) => [i.column, i]));
    expect(byColumn['Число обучающихся']).toMatchObject({ row: 2, cell: 'E2' });
    expect(byColumn['Доступ в интернет в кабинетах']?.cell).toBe('J2');
    expect(byColumn['Тип населённого пункта']?.message).toBeTruthy();
    expect(body.error.issues.some((i) => i.sheet === 'Параллели')).toBe(true);
    const after = await entrySnapshot(h, w.collectionId, w.s2.id);
    expect(after.submissions).toEqual([]);
    expect(after.entry?.submitted_at).toBeNull();
  });

  it('a valid form is submitted; a second submission is kept beside the first', async () => {
    const v1 = (await put(s2, w.collectionId, sampleQuestionnaireData(1), 1)).json() as { version: number };
    const first = await submit(s2, w.collectionId, v1.version);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ number: 1, submittedAt: new Date(NOW).toISOString(), version: v1.version });

    const edited = sampleQuestionnaireData(1);
    edited.general![0]!.computers = 99;
    const v2 = (await put(s2, w.collectionId, edited, v1.version)).json() as { version: number };
    expect((await submit(s2, w.collectionId, v1.version)).statusCode).toBe(409);
    h.clock.set('2026-11-20T10:00:00Z');
    const second = await submit(s2, w.collectionId, v2.version);
    expect(second.json()).toMatchObject({ number: 2, submittedAt: '2026-11-20T10:00:00.000Z' });

    const { submissions, entry } = await entrySnapshot(h, w.collectionId, w.s2.id);
    expect(submissions.map((s) => [s.number, s.source])).toEqual([
      [1, 'online'],
      [2, 'online'],
    ]);
    const computers = submissions.map((s) => (s.data as { general: { computers: number }[] }).general[0]!.computers);
    expect(computers).toEqual([42, 99]);
    expect(new Date(entry!.submitted_at!).toISOString()).toBe('2026-11-20T10:00:00.000Z');
    const mine = await view(s2);
    expect(mine.entry).toMatchObject({ submissions: 2, submittedAt: '2026-11-20T10:00:00.000Z' });
    const listed = (await s2.get('/api/collections')).json() as CollectionSummary[];
    expect(listed.find((c) => c.id === w.collectionId)).toMatchObject({
      state: 'submitted',
      lastSubmittedAt: '2026-11-20T10:00:00.000Z',
    });
  });

  it('a form never saved cannot be submitted', async () => {
    const school = await h.factory.orgAccount(await h.factory.org({ municipalityId: w.mB.id, regionCode: '39' }));
    const res = await submit(await as(h, school.login), w.collectionId, 0);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/не заполнена/);
  });
});

describe('who sees what', () => {
  it('lists the collections of the caller', async () => {
    const mine = (await s1.get('/api/collections')).json() as CollectionSummary[];
    expect(mine.map((c) => [c.id, c.state])).toEqual([[w.collectionId, 'in_progress']]);
    const reg = await as(h, w.users.reg39.login);
    const theirs = (await reg.get('/api/collections')).json() as CollectionSummary[];
    expect(theirs.map((c) => [c.id, c.state])).toEqual([[w.collectionId, null]]);
    const college = await as(h, w.users.c1.login);
    expect((await college.get('/api/collections')).json()).toEqual([]);
  });

  it('a school cannot open a collection not assigned to it, another ОО, or the monitor', async () => {
    const { id: foreign } = await h.db
      .insertInto('collections')
      .values({
        template_id: w.templateId,
        title: 'Сбор региона 77',
        opens_at: new Date('2026-11-01T00:00:00Z'),
        closes_at: new Date('2026-12-01T00:00:00Z'),
        org_kinds: ['school'],
        region_codes: ['77'],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await s1.get(`/api/collections/${foreign}`)).statusCode).toBe(404);
    expect((await put(s1, foreign, {}, 0)).statusCode).toBe(404);
    expect((await s1.get(`/api/collections/${w.collectionId}/orgs/${w.s2.id}`)).statusCode).toBe(403);
    expect((await s1.get(`/api/collections/${w.collectionId}/monitor`)).statusCode).toBe(403);
    const college = await as(h, w.users.c1.login);
    expect((await college.get(`/api/collections/${w.collectionId}`)).statusCode).toBe(404);
  });

  it('a coordinator views one ОО of its scope read-only, and no other', async () => {
    const mun = await as(h, w.users.munA.login);
    const res = await mun.get(`/api/collections/${w.collectionId}/orgs/${w.s2.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as CollectionView;
    expect([v.canEdit, v.org.login, v.entry?.submissions]).toEqual([false, w.users.s2.login, 2]);
    expect((await mun.get(`/api/collections/${w.collectionId}/orgs/${w.s3.id}`)).statusCode).toBe(404);
    const reg77 = await as(h, w.users.reg77.login);
    expect((await reg77.get(`/api/collections/${w.collectionId}/orgs/${w.s1.id}`)).statusCode).toBe(404);
    const reg = await as(h, w.users.reg39.login);
    expect((await reg.get(`/api/collections/${w.collectionId}/orgs/${w.c1.id}`)).statusCode).toBe(404);
  });
});
