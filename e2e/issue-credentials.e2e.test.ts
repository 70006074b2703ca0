// Issuing credentials from the «Организации» page: the demo leaves, in region 39, the school 390011
// without a login and the municipality 004 («Гурьевский муниципальный округ») without a coordinator.
// The regional coordinator issues them; the new accounts sign in and must change the issued password.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS, newPage, screenshot, signIn } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

const suite = useServerAndBrowser();

const SCHOOL_CODE = '390011';
const SCHOOL_LOGIN = 'sch390011';
const SCHOOL_SHORT_NAME = 'МАОУ "Гурьевская СОШ"';
const MUNICIPALITY_CODE = '004';
const MUNICIPALITY_NAME = 'Гурьевский муниципальный округ';
const MUNICIPAL_LOGIN = 'reg39_m004';

async function openOrgsPage(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Организации' }).click();
  await page.getByRole('heading', { name: 'Организации', level: 1 }).waitFor();
}

/** The one-time password panel must hold exactly one credential, for `login`, in view; returns its password. */
async function issuedPassword(page: Page, login: string): Promise<string> {
  const issued = page.getByRole('table', { name: 'Выданные логины и пароли' });
  const row = issued.getByRole('row').filter({ hasText: login });
  await row.waitFor();
  expect(await issued.getByRole('row').count()).toBe(2); // header + the one account
  expect(((await row.getByRole('cell').first().textContent()) ?? '').trim()).toBe(login);
  await page.getByText('Пароли показаны один раз.').waitFor();
  const password = ((await row.getByTestId('issued-password').textContent()) ?? '').trim();
  expect(password.length).toBeGreaterThanOrEqual(10);
  // the panel is at the top of the page, the issuing button far below: the password must be on screen
  const onScreen = await row.getByTestId('issued-password').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  expect(onScreen).toBe(true);
  return password;
}

async function accountLogins(page: Page): Promise<string[]> {
  const res = await page.request.get('/api/accounts');
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { accounts: { login: string }[] };
  return body.accounts.map((a) => a.login);
}

/** A fresh context: sign in with the issued password, meet the forced change, set `newPassword`. */
async function changeIssuedPassword(page: Page, login: string, issued: string, newPassword: string): Promise<void> {
  await signIn(page, login, issued);
  expect(((await page.getByTestId('login').textContent()) ?? '').trim()).toBe(login);
  await page.getByRole('heading', { name: 'Смена выданного пароля', level: 1 }).waitFor();
  expect(await page.getByRole('navigation', { name: 'Разделы кабинета' }).count()).toBe(0);
  await page.getByLabel('Выданный (текущий) пароль').fill(issued);
  await page.getByLabel('Новый пароль', { exact: true }).fill(newPassword);
  await page.getByLabel('Новый пароль ещё раз').fill(newPassword);
  await page.getByRole('button', { name: 'Сменить пароль' }).click();
  await page.getByRole('navigation', { name: 'Разделы кабинета' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/');
  const me = (await (await page.request.get('/api/me')).json()) as { login: string; mustChangePassword: boolean };
  expect(me).toMatchObject({ login, mustChangePassword: false });
}

describe('выдача реквизитов на странице «Организации»', () => {
  it('региональный координатор выдаёт реквизиты ОО 390011, школа входит и меняет пароль', async () => {
    let password = '';
    const coordinator = await newPage(suite.browser, suite.server.url);
    try {
      const { page } = coordinator;
      await signIn(page, 'reg390000', DEMO_PASSWORDS.region_coordinator);
      await openOrgsPage(page);
      const orgs = page.getByRole('table', { name: 'Образовательные организации' });
      const orgRow = orgs.getByRole('row').filter({ hasText: SCHOOL_CODE });
      await orgRow.getByText('не выдан', { exact: true }).waitFor();
      expect(await accountLogins(page)).not.toContain(SCHOOL_LOGIN);

      await orgRow.getByRole('button', { name: 'Выдать реквизиты ОО' }).click();
      const dialog = page.getByRole('dialog', { name: 'Выдать реквизиты ОО' });
      await dialog.waitFor();
      const text = (await dialog.textContent()) ?? '';
      expect(text).toContain(SCHOOL_SHORT_NAME);
      expect(text).toContain(`код ${SCHOOL_CODE}`);
      await screenshot(page, 'issue-org-dialog', { fullPage: false });
      await dialog.getByRole('button', { name: 'Выдать', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });

      password = await issuedPassword(page, SCHOOL_LOGIN);
      await screenshot(page, 'issue-org-password-window', { fullPage: false });
      await screenshot(page, 'issue-org-password');
      // the list of organizations now shows the login, and the server knows the account
      await orgRow.getByText(SCHOOL_LOGIN, { exact: true }).waitFor();
      expect(await orgRow.getByRole('button', { name: 'Выдать реквизиты ОО' }).count()).toBe(0);
      expect(await accountLogins(page)).toContain(SCHOOL_LOGIN);
    } finally {
      await coordinator.context.close();
    }

    const school = await newPage(suite.browser, suite.server.url);
    try {
      const { page } = school;
      await changeIssuedPassword(page, SCHOOL_LOGIN, password, 'Гурьевская-школа-2026');
      await page.getByRole('heading', { name: 'Мои задачи', level: 1 }).waitFor();
      const details = page.locator('dl.details');
      await details.waitFor();
      const text = (await details.textContent()) ?? '';
      expect(text).toContain(SCHOOL_SHORT_NAME);
      expect(text).toContain(SCHOOL_CODE);
    } finally {
      await school.context.close();
    }
  });

  it('региональный координатор выдаёт реквизиты координатора муниципалитета 004', async () => {
    let password = '';
    const coordinator = await newPage(suite.browser, suite.server.url);
    try {
      const { page } = coordinator;
      await signIn(page, 'reg390000', DEMO_PASSWORDS.region_coordinator);
      await openOrgsPage(page);
      const municipalities = page.getByRole('table', { name: 'Муниципалитеты' });
      const munRow = municipalities.getByRole('row').filter({ hasText: MUNICIPALITY_NAME });
      expect(((await munRow.getByRole('cell').first().textContent()) ?? '').trim()).toBe(MUNICIPALITY_CODE);
      await munRow.getByText('не выдан', { exact: true }).waitFor();
      await munRow.getByRole('button', { name: 'Выдать реквизиты координатора' }).click();

      const dialog = page.getByRole('dialog', { name: `Координатор: ${MUNICIPALITY_NAME}` });
      await dialog.waitFor();
      await dialog.getByLabel('ФИО').fill('Смирнова Ольга Викторовна');
      await dialog.getByLabel('Должность').fill('Специалист управления образования');
      await dialog.getByLabel('Телефон').fill('+7 (4012) 55-66-77');
      await dialog.getByLabel('Электронная почта').fill('smirnova.gurievsk');

      // an invalid e-mail: a Russian error under the field, nothing sent, nothing issued
      const posts: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().includes('/coordinator')) posts.push(r.url());
      });
      await dialog.getByRole('button', { name: 'Выдать реквизиты' }).click();
      const email = dialog.getByLabel('Электронная почта');
      await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
      const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
      expect(errorId).toBeDefined();
      const error = ((await dialog.locator(`[id="${errorId}"]`).textContent()) ?? '').trim();
      expect(error).toMatch(/[а-яё]/i);
      expect(error).toContain('электронной почты');
      // the other fields are fine
      for (const label of ['ФИО', 'Должность', 'Телефон']) {
        expect(await dialog.getByLabel(label).getAttribute('aria-invalid')).toBeNull();
      }
      await screenshot(page, 'issue-municipal-dialog-error', { fullPage: false });
      expect(posts).toEqual([]);
      expect(await page.getByRole('table', { name: 'Выданные логины и пароли' }).count()).toBe(0);
      expect(await accountLogins(page)).not.toContain(MUNICIPAL_LOGIN);

      await email.fill('smirnova@gurievsk-edu.example.ru');
      await screenshot(page, 'issue-municipal-dialog', { fullPage: false });
      await dialog.getByRole('button', { name: 'Выдать реквизиты' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(posts.length).toBe(1);

      password = await issuedPassword(page, MUNICIPAL_LOGIN);
      await screenshot(page, 'issue-municipal-password');
      await munRow.getByText(MUNICIPAL_LOGIN, { exact: true }).waitFor();
      expect(await munRow.getByRole('button', { name: 'Выдать реквизиты координатора' }).count()).toBe(0);
      expect(await accountLogins(page)).toContain(MUNICIPAL_LOGIN);
    } finally {
      await coordinator.context.close();
    }

    const municipal = await newPage(suite.browser, suite.server.url);
    try {
      const { page } = municipal;
      await changeIssuedPassword(page, MUNICIPAL_LOGIN, password, 'Гурьевский-округ-2026');
      await page.getByRole('heading', { name: MUNICIPALITY_NAME, level: 1 }).waitFor();
      const orgs = page.getByRole('table', { name: 'Образовательные организации' });
      const row = orgs.getByRole('row').filter({ hasText: SCHOOL_CODE });
      await row.waitFor();
      expect((await row.textContent()) ?? '').toContain(SCHOOL_SHORT_NAME);
      const text = (await orgs.textContent()) ?? '';
      expect(text).not.toContain('sch390001'); // another municipality of the same region
      expect(text).not.toContain('390001');
      expect(await orgs.getByRole('row').count()).toBe(2); // header + the one school of the municipality
    } finally {
      await municipal.context.close();
    }
  });
});
