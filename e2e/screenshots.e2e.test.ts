// Every page of the cabinet, photographed for a human to look at (e2e/screenshots, not committed).
// Each step also checks the page's heading, so a broken page fails the test rather than the photo.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS, newPage, screenshot, signIn } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

const suite = useServerAndBrowser();

async function open(page: Page, section: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Разделы кабинета' })
    .getByRole('link', { name: section, exact: true })
    .click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Загрузка' }).first().waitFor({ state: 'detached' });
}

async function asUser(login: string, password: string, steps: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await newPage(suite.browser, suite.server.url);
  try {
    await signIn(page, login, password);
    await steps(page);
  } finally {
    await context.close();
  }
}

describe('снимки страниц', () => {
  it('вход', { timeout: 60_000 }, async () => {
    const { context, page } = await newPage(suite.browser, suite.server.url);
    try {
      await page.goto('/login');
      await page.getByRole('heading', { name: 'Вход в личный кабинет ОКО' }).waitFor();
      await screenshot(page, 'login');
      await page.getByLabel('Логин').fill('sch390001');
      await page.getByLabel('Пароль', { exact: true }).fill('Неверный-пароль');
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.getByRole('alert').waitFor();
      await screenshot(page, 'login-error');
      await page.setViewportSize({ width: 390, height: 800 });
      await screenshot(page, 'login-mobile');
    } finally {
      await context.close();
    }
  });

  it('школа и СПО', { timeout: 60_000 }, async () => {
    await asUser('sch390001', DEMO_PASSWORDS.school, async (page) => {
      await open(page, 'Главная', 'Мои задачи');
      await page.getByText('Полное наименование').waitFor();
      await screenshot(page, 'home-school');
      await open(page, 'Безопасность', 'Безопасность');
      await page.getByText('этот сеанс').waitFor();
      expect(await page.getByRole('table', { name: 'История входов' }).textContent()).toContain('Успешный вход');
      await screenshot(page, 'security-school');
      await open(page, 'Сменить пароль', 'Смена пароля');
      await screenshot(page, 'password-change');
      await open(page, 'Главная', 'Мои задачи');
      await page.setViewportSize({ width: 390, height: 800 });
      await screenshot(page, 'home-school-mobile');
    });
    await asUser('spo390101', DEMO_PASSWORDS.college, async (page) => {
      await open(page, 'Главная', 'Мои задачи');
      await page.getByText('Полное наименование').waitFor();
      await screenshot(page, 'home-college');
    });
  });

  it('координаторы', { timeout: 90_000 }, async () => {
    await asUser('reg39_m001', DEMO_PASSWORDS.municipal_coordinator, async (page) => {
      await page.getByRole('table', { name: 'Образовательные организации' }).waitFor();
      await screenshot(page, 'home-municipal');
      await open(page, 'Учётные записи', 'Учётные записи');
      await screenshot(page, 'accounts-municipal');
    });
    await asUser('reg390000', DEMO_PASSWORDS.region_coordinator, async (page) => {
      await page.getByRole('table', { name: 'Муниципалитеты' }).waitFor();
      await page.getByRole('table', { name: 'Образовательные организации' }).waitFor();
      await screenshot(page, 'home-regional');
      await open(page, 'Организации', 'Организации');
      await screenshot(page, 'orgs-regional');
      await open(page, 'Учётные записи', 'Учётные записи');
      await screenshot(page, 'accounts-regional');
      const row = page.getByRole('table', { name: 'Учётные записи' }).getByRole('row').filter({ hasText: 'sch390002' });
      await row.getByRole('button', { name: 'Перевыпустить пароль' }).click();
      await page.getByRole('dialog').getByText('sch390002').waitFor();
      await screenshot(page, 'accounts-reissue-confirm', { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click();
      const m001 = page
        .getByRole('table', { name: 'Учётные записи' })
        .getByRole('row')
        .filter({ hasText: 'reg39_m001' });
      await m001.getByRole('button', { name: 'Изменить контакт' }).click();
      const fullName = page.getByRole('dialog').getByLabel('ФИО');
      await fullName.waitFor();
      expect(await fullName.inputValue()).toBe('Попова Елена Николаевна');
      await screenshot(page, 'accounts-contact-form', { fullPage: false });
    });
    await asUser('spo_coord_39', DEMO_PASSWORDS.spo_region_coordinator, async (page) => {
      await page.getByRole('table', { name: 'Образовательные организации' }).waitFor();
      await screenshot(page, 'home-spo');
    });
  });

  it('публикации, сбор данных и уведомления', { timeout: 90_000 }, async () => {
    await asUser('sch390001', DEMO_PASSWORDS.school, async (page) => {
      await page.getByRole('region', { name: 'Актуальное' }).getByRole('link').first().waitFor();
      await open(page, 'ВПР', 'ВПР');
      await page.getByRole('button', { name: 'Всероссийские проверочные работы 2026: порядок проведения' }).click();
      await page.getByRole('region', { name: 'Коды участников', exact: true }).waitFor();
      await page.setViewportSize({ width: 390, height: 800 });
      await screenshot(page, 'publications-school-mobile');
      await page.setViewportSize({ width: 1366, height: 800 });
      await open(page, 'Уведомления', 'Уведомления');
      await screenshot(page, 'notifications-empty');
    });
    await asUser('spo390101', DEMO_PASSWORDS.college, async (page) => {
      await open(page, 'ВПР СПО', 'ВПР СПО');
      await page.getByRole('button', { name: 'Сбор сведений об участниках ВПР СПО' }).click();
      await page.getByRole('heading', { name: 'Сбор данных', level: 3 }).waitFor();
      await screenshot(page, 'publications-college');
    });
    await asUser('reg390000', DEMO_PASSWORDS.region_coordinator, async (page) => {
      await page
        .getByRole('region', { name: 'Актуальное' })
        .getByRole('link', { name: 'Анкета ОО, контекстные данные' })
        .click();
      await page.getByRole('table', { name: 'Ход сбора данных по ОО' }).waitFor();
      await page.setViewportSize({ width: 390, height: 800 });
      await screenshot(page, 'monitoring-mobile');
    });
  });

  it('федеральный организатор', { timeout: 60_000 }, async () => {
    await asUser('admin', DEMO_PASSWORDS.federal_admin, async (page) => {
      const regions = page.getByRole('table', { name: 'Регионы' });
      await regions.getByRole('row').filter({ hasText: 'Калининградская область' }).waitFor();
      await screenshot(page, 'home-federal');
      await page.getByLabel('Поиск региона (код или название)').fill('39');
      expect(await regions.getByRole('row').count()).toBe(2);
      await open(page, 'Регионы', 'Регионы');
      const row = page.getByRole('table', { name: 'Регионы' }).getByRole('row').filter({ hasText: 'Приморский край' });
      await row.getByRole('button', { name: 'Выдать реквизиты координатора' }).click();
      await page.getByLabel('Роль').waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Выдать реквизиты' }).click();
      await page.getByText('Укажите ФИО').waitFor();
      await screenshot(page, 'regions-issue-form', { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click();
      await open(page, 'Учётные записи', 'Учётные записи');
      await screenshot(page, 'accounts-federal');
    });
  });
});
