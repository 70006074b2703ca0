import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS, newPage, screenshot, signIn } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

const suite = useServerAndBrowser();

describe('координаторы', () => {
  it('муниципальный координатор видит свои школы и только их', { timeout: 60_000 }, async () => {
    const { context, page } = await newPage(suite.browser, suite.server.url);
    try {
      await signIn(page, 'reg39_m001', DEMO_PASSWORDS.municipal_coordinator);
      const orgs = page.getByRole('table', { name: 'Образовательные организации' });
      await orgs.getByRole('row').filter({ hasText: 'sch390001' }).waitFor();
      const text = (await orgs.textContent()) ?? '';
      expect(text).not.toContain('sch770001'); // another region
      expect(text).not.toContain('sch390006'); // another municipality of the same region

      await page
        .getByRole('navigation', { name: 'Разделы кабинета' })
        .getByRole('link', { name: 'Организации' })
        .click();
      await page.getByRole('heading', { name: 'Организации', level: 1 }).waitFor();
      const list = page.getByRole('table', { name: 'Образовательные организации' });
      await list.getByRole('row').filter({ hasText: 'sch390002' }).waitFor();
      expect(await list.textContent()).not.toContain('sch770001');
    } finally {
      await context.close();
    }
  });

  it('региональный координатор выдаёт реквизиты школе, школа входит и меняет пароль', { timeout: 90_000 }, async () => {
    const coordinator = await newPage(suite.browser, suite.server.url);
    let password = '';
    try {
      const { page } = coordinator;
      await signIn(page, 'reg390000', DEMO_PASSWORDS.region_coordinator);
      const municipalities = page.getByRole('table', { name: 'Муниципалитеты' });
      await municipalities.getByRole('row').filter({ hasText: 'reg39_m001' }).waitFor();
      expect(await municipalities.getByRole('row').count()).toBeGreaterThan(1);

      await page
        .getByRole('navigation', { name: 'Разделы кабинета' })
        .getByRole('link', { name: 'Учётные записи' })
        .click();
      await page.getByRole('heading', { name: 'Учётные записи', level: 1 }).waitFor();
      await page.getByLabel('Выбрать sch390004', { exact: true }).check();
      await page.getByRole('button', { name: 'Выдать реквизиты выбранным' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Выдать' }).click();

      const issued = page.getByRole('table', { name: 'Выданные логины и пароли' });
      const row = issued.getByRole('row').filter({ hasText: 'sch390004' });
      await row.waitFor();
      expect(await issued.getByRole('row').count()).toBe(2); // header + the one account
      password = ((await row.getByTestId('issued-password').textContent()) ?? '').trim();
      expect(password.length).toBeGreaterThanOrEqual(10);
      await page.getByText('Пароли показаны один раз.').waitFor();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Скачать карточки (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const file = await download.path();
      expect(fs.readFileSync(file).subarray(0, 4).toString('latin1')).toBe('%PDF');

      // the account list now says this school has not changed the issued password
      const accountRow = page
        .getByRole('table', { name: 'Учётные записи' })
        .getByRole('row')
        .filter({ hasText: 'sch390004' });
      await accountRow.getByText('Нет', { exact: true }).waitFor();
      await screenshot(page, 'accounts-issued');

      // leaving the page forgets the passwords
      await page.getByRole('navigation', { name: 'Разделы кабинета' }).getByRole('link', { name: 'Главная' }).click();
      await page
        .getByRole('navigation', { name: 'Разделы кабинета' })
        .getByRole('link', { name: 'Учётные записи' })
        .click();
      await page.getByRole('table', { name: 'Учётные записи' }).waitFor();
      expect(await page.getByTestId('issued-password').count()).toBe(0);
    } finally {
      await coordinator.context.close();
    }

    const school = await newPage(suite.browser, suite.server.url);
    try {
      const { page } = school;
      await signIn(page, 'sch390004', password);
      await page.getByRole('heading', { name: 'Смена выданного пароля' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Разделы кабинета' }).count()).toBe(0);
      await screenshot(page, 'password-forced');

      // any address shows the same page until the password is changed
      await page.goto('/security');
      await page.getByRole('heading', { name: 'Смена выданного пароля' }).waitFor();

      await page.getByLabel('Выданный (текущий) пароль').fill('не-тот-пароль-1');
      await page.getByLabel('Новый пароль', { exact: true }).fill('Школа-390004-новый');
      await page.getByLabel('Новый пароль ещё раз').fill('Школа-390004-новый');
      await page.getByRole('button', { name: 'Сменить пароль' }).click();
      await page.getByText('Текущий пароль указан неверно').waitFor();

      await page.getByLabel('Выданный (текущий) пароль').fill(password);
      await page.getByRole('button', { name: 'Сменить пароль' }).click();
      await page.getByRole('heading', { name: 'Мои задачи', level: 1 }).waitFor();
      await page.getByRole('navigation', { name: 'Разделы кабинета' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      const me = (await (await page.request.get('/api/me')).json()) as { mustChangePassword: boolean };
      expect(me.mustChangePassword).toBe(false);
    } finally {
      await school.context.close();
    }
  });
});
