import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signedIn, startHarness, type Harness } from './harness.ts';
import { TEST_PASSWORD } from './factories.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const contact = {
  fullName: 'Петров Пётр Петрович',
  position: 'Координатор',
  phone: '+7 (900) 123-45-67',
  email: 'petrov@example.ru',
};

describe('credentials down the chain', () => {
  it('federal → regional → municipal → school, each login in the real format, each forced to change', async () => {
    const fed = await h.factory.federal();
    const federal = await signedIn(h.app, fed.login, TEST_PASSWORD);
    const reg = await federal.post('/api/regions/25/coordinators', { kind: 'region_coordinator', contact });
    expect(reg.statusCode).toBe(200);
    const regCred = reg.json().credential;
    expect(regCred.login).toBe('reg250000');
    expect(regCred.password).toMatch(/^[A-Za-z2-9]{12}$/);

    const regional = await signedIn(h.app, 'reg250000', regCred.password);
    expect((await regional.get('/api/me')).json().mustChangePassword).toBe(true);
    expect(
      (await regional.post('/api/me/password', { currentPassword: regCred.password, newPassword: 'Regional-pass-25' }))
        .statusCode,
    ).toBe(204);

    const m = await h.factory.municipality('25', { code: '004', name: 'Уссурийский городской округ' });
    const mun = await regional.post(`/api/municipalities/${m.id}/coordinator`, { contact });
    expect(mun.statusCode).toBe(200);
    expect(mun.json().credential.login).toBe('reg25_m004');

    const created = await regional.post(`/api/municipalities/${m.id}/orgs`, {
      code: '250777',
      kind: 'school',
      fullName: 'МБОУ СОШ № 77',
      shortName: 'СОШ № 77',
    });
    expect(created.statusCode).toBe(201);
    const municipal = await signedIn(h.app, 'reg25_m004', mun.json().credential.password);
    await municipal.post('/api/me/password', {
      currentPassword: mun.json().credential.password,
      newPassword: 'Municipal-pass-4',
    });
    const school = await municipal.post(`/api/orgs/${created.json().id}/account`);
    expect(school.statusCode).toBe(200);
    expect(school.json().credential.login).toBe('sch250777');
    expect((await new Client(h.app).login('sch250777', school.json().credential.password)).statusCode).toBe(200);

    // a municipal coordinator cannot issue coordinators; a regional one cannot make a college
    expect((await municipal.post(`/api/municipalities/${m.id}/coordinator`, { contact })).statusCode).toBe(403);
    expect(
      (
        await regional.post(`/api/municipalities/${m.id}/orgs`, {
          code: '250778',
          kind: 'college',
          fullName: 'Колледж',
          shortName: 'К',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('re-issue invalidates the old password and every session, and the password is never shown again', async () => {
    const reg = await h.factory.regionCoordinator('39');
    const regional = await signedIn(h.app, reg.login, TEST_PASSWORD);
    const school = await h.factory.orgAccount(await h.factory.org({ regionCode: '39' }));
    const schoolSession = await signedIn(h.app, school.login, TEST_PASSWORD);

    const res = await regional.post(`/api/accounts/${school.id}/reissue`);
    expect(res.statusCode).toBe(200);
    const { password } = res.json().credential;
    expect((await schoolSession.get('/api/me')).statusCode).toBe(401);
    expect((await new Client(h.app).login(school.login, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await new Client(h.app).login(school.login, password)).statusCode).toBe(200);

    const list = await regional.get('/api/accounts');
    expect(list.body).not.toContain(password);
    expect(list.json().accounts.find((a: { login: string }) => a.login === school.login).mustChangePassword).toBe(true);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['event', 'actor_id'])
      .where('user_id', '=', school.id)
      .where('event', '=', 'credentials.issued')
      .execute();
    expect(audit).toEqual([{ event: 'credentials.issued', actor_id: reg.id }]);
    expect(JSON.stringify(await h.db.selectFrom('audit_log').selectAll().execute())).not.toContain(password);
  });

  it('bulk issue returns a real A4 PDF of cards and an XLSX whose passwords work', async () => {
    const reg = await h.factory.regionCoordinator('77');
    const regional = await signedIn(h.app, reg.login, TEST_PASSWORD);
    const m = await h.factory.municipality('77');
    const withAccount = await h.factory.orgAccount(
      await h.factory.org({ regionCode: '77', municipalityId: m.id, name: 'Школа «Ромашка»' }),
    );
    const withoutAccount = await h.factory.org({ regionCode: '77', municipalityId: m.id, name: 'Школа без логина' });

    const res = await regional.post('/api/accounts/bulk-issue', {
      userIds: [withAccount.id],
      orgIds: [withoutAccount.id],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.credentials.map((c: { login: string }) => c.login).sort()).toEqual(
      [withAccount.login, `sch${withoutAccount.code}`].sort(),
    );

    const pdf = Buffer.from(body.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(body.xlsxBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Реквизиты')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Логин', 'Пароль', 'Роль', 'Организация', 'Дата выдачи (МСК)']);
    const rows = [2, 3].map((i) => ({
      login: String(ws.getCell(i, 1).value),
      password: String(ws.getCell(i, 2).value),
    }));
    for (const r of rows) expect((await new Client(h.app).login(r.login, r.password)).statusCode).toBe(200);
  });

  it('changes nothing when one id of a bulk issue is outside the scope', async () => {
    const mine = await h.factory.orgAccount(await h.factory.org({ regionCode: '93' }));
    const foreign = await h.factory.orgAccount(await h.factory.org({ regionCode: '94' }));
    const fed = await signedIn(h.app, (await h.factory.federal()).login, TEST_PASSWORD);
    const coordinator = await fed.post('/api/regions/93/coordinators', { kind: 'region_coordinator', contact });
    const c = await signedIn(h.app, 'reg930000', coordinator.json().credential.password);
    await c.post('/api/me/password', {
      currentPassword: coordinator.json().credential.password,
      newPassword: 'Region-93-pass',
    });
    const before = await h.db
      .selectFrom('users')
      .select(['id', 'password_hash'])
      .where('id', 'in', [mine.id, foreign.id])
      .execute();
    const res = await c.post('/api/accounts/bulk-issue', { userIds: [mine.id, foreign.id] });
    expect(res.statusCode).toBe(404);
    const after = await h.db
      .selectFrom('users')
      .select(['id', 'password_hash'])
      .where('id', 'in', [mine.id, foreign.id])
      .execute();
    expect(after).toEqual(before);
  });

  it('keeps contact data of coordinators', async () => {
    const fed = await signedIn(h.app, (await h.factory.federal()).login, TEST_PASSWORD);
    const issued = await fed.post('/api/regions/92/coordinators', { kind: 'spo_region_coordinator', contact });
    expect(issued.json().credential.login).toBe('spo_coord_92');
    const list = (await fed.get('/api/accounts')).json().accounts as { login: string; contact: unknown; id: string }[];
    const acc = list.find((a) => a.login === 'spo_coord_92')!;
    expect(acc.contact).toEqual(contact);
    const updated = await fed.request({
      method: 'PUT',
      url: `/api/accounts/${acc.id}/contact`,
      payload: { contact: { ...contact, phone: '+7 900 000-11-22' } },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().contact.phone).toBe('+7 900 000-11-22');
  });
});
