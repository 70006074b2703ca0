import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS, newPage, signIn } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

const suite = useServerAndBrowser();

describe('вход и выход', () => {
  it('школа видит своё название, логин и «Мои задачи», но не «Учётные записи»', { timeout: 60_000 }, async () => {
    const { context, page } = await newPage(suite.browser, suite.server.url);
    try {
      await signIn(page, 'sch390001', DEMO_PASSWORDS.school);
      const me = (await (await page.request.get('/api/me')).json()) as { organization: { name: string } };
      expect(me.organization.name).not.toBe('');
      expect(await page.getByTestId('org-name').textContent()).toBe(me.organization.name);
      expect(await page.getByTestId('login').textContent()).toBe('sch390001');
      await page.getByRole('heading', { name: 'Мои задачи', level: 1 }).waitFor();
      // the ОО's own details come from GET /api/orgs/:orgId
      await page.getByText('390001', { exact: true }).waitFor();

      const nav = page.getByRole('navigation', { name: 'Разделы кабинета' });
      await nav.getByRole('link', { name: 'Безопасность' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Учётные записи' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Организации' }).count()).toBe(0);

      // a school typing the address of a coordinator's section gets a refusal, not the data
      await page.goto('/accounts');
      await page.getByRole('heading', { name: 'Раздел недоступен' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('неверный пароль: сообщение под формой, страница входа остаётся', { timeout: 60_000 }, async () => {
    const { context, page } = await newPage(suite.browser, suite.server.url);
    try {
      await page.goto('/');
      await page.waitForURL('**/login');
      await page.getByRole('heading', { name: 'Вход в личный кабинет ОКО' }).waitFor();

      // empty fields are caught before any request
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.getByText('Введите логин').waitFor();
      await page.getByText('Введите пароль').waitFor();

      await page.getByLabel('Логин').fill('sch390001');
      await page.getByLabel('Пароль', { exact: true }).fill('неверный-пароль');
      await page.getByRole('button', { name: 'Войти' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Неверный логин или пароль');
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.getByTestId('login').count()).toBe(0);
      expect((await page.request.get('/api/me')).status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('выход возвращает на страницу входа и завершает сеанс', { timeout: 60_000 }, async () => {
    const { context, page } = await newPage(suite.browser, suite.server.url);
    try {
      await signIn(page, 'reg39_m001', DEMO_PASSWORDS.municipal_coordinator);
      expect((await page.request.get('/api/me')).status()).toBe(200);
      await page.getByRole('button', { name: 'Выйти' }).click();
      await page.waitForURL('**/login');
      await page.getByRole('heading', { name: 'Вход в личный кабинет ОКО' }).waitFor();
      expect((await page.request.get('/api/me')).status()).toBe(401);
      // going back to a cabinet page leads to the login form again
      await page.goto('/accounts');
      await page.waitForURL('**/login');
    } finally {
      await context.close();
    }
  });
});
