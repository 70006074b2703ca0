// A coordinator follows a data collection: the counters, the list with its filters, one ОО's data read-only,
// the counters moving when an ОО starts, and the export arriving as a notification.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiFromPage, bellCount, download, waitBellAbove } from './support/cabinet.ts';
import { DEMO_PASSWORDS, newPage, screenshot, signIn } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

const suite = useServerAndBrowser();
const QUESTIONNAIRE = 'Анкета ОО, контекстные данные';

async function counts(page: Page) {
  const read = async (id: string) => Number(await page.getByTestId(id).textContent());
  return {
    total: await read('count-total'),
    notStarted: await read('count-notStarted'),
    inProgress: await read('count-inProgress'),
    submitted: await read('count-submitted'),
  };
}

describe('мониторинг сбора данных', () => {
  it(
    'региональный координатор: счётчики, фильтры, данные ОО, изменение счётчиков и экспорт в уведомления',
    { timeout: 150_000 },
    async () => {
      const coord = await newPage(suite.browser, suite.server.url);
      const school = await newPage(suite.browser, suite.server.url);
      try {
        const page = coord.page;
        await signIn(page, 'reg390000', DEMO_PASSWORDS.region_coordinator);

        // «Актуальное» on the home page leads to the monitoring of the open questionnaire
        const actual = page.getByRole('region', { name: 'Актуальное' });
        await actual.getByRole('link', { name: QUESTIONNAIRE }).click();
        await page.getByRole('heading', { name: QUESTIONNAIRE, level: 1 }).waitFor();
        const collectionId = /\/collections\/([0-9a-f-]{36})\/monitor$/.exec(new URL(page.url()).pathname)?.[1];
        expect(collectionId).toBeDefined();

        // the demo: 11 schools of region 39 (one without an account yet); sch390002 and sch390006 submitted,
        // sch390003 is filling
        await page.getByTestId('count-total').waitFor();
        expect(await counts(page)).toEqual({ total: 11, notStarted: 8, inProgress: 1, submitted: 2 });
        const table = page.getByRole('table', { name: 'Ход сбора данных по ОО' });
        expect(await table.getByRole('row').count()).toBe(12);
        await screenshot(page, 'monitoring-regional');

        await page.getByLabel('Статус').selectOption({ label: 'Сдано' });
        await table.getByRole('row').nth(3).waitFor({ state: 'detached' });
        const submittedRows = await table.locator('tbody tr').allTextContents();
        expect(submittedRows).toHaveLength(2);
        expect(submittedRows.join(' ')).toContain('sch390002');
        expect(submittedRows.join(' ')).toContain('sch390006');
        // the counters stay those of the whole collection while the list is filtered
        expect((await counts(page)).total).toBe(11);

        await page.getByLabel('Статус').selectOption({ label: 'Все' });
        await page.getByLabel('Поиск (логин или название)').fill('sch390003');
        await table.locator('tbody tr').nth(1).waitFor({ state: 'detached' });
        await table.locator('tbody tr', { hasText: 'sch390003' }).waitFor();
        expect(await table.locator('tbody tr').textContent()).toContain('В работе');
        await page.getByLabel('Поиск (логин или название)').fill('');
        await table.locator('tbody tr', { hasText: 'sch390010' }).waitFor();

        // one ОО's data, read-only, sheet by sheet
        await table.locator('tr', { hasText: 'sch390002' }).getByRole('link', { name: 'Открыть', exact: true }).click();
        await page.getByRole('heading', { name: /sch390002/, level: 1 }).waitFor();
        const general = page.getByRole('table', { name: 'Лист «Общие сведения»' });
        await general.waitFor();
        expect(await general.textContent()).toContain('Сельский населённый пункт');
        expect(await page.locator('input, textarea, select').count()).toBe(0);
        await screenshot(page, 'monitoring-org-data');
        await page.getByRole('link', { name: 'Закрыть' }).first().click();
        await page.getByTestId('count-total').waitFor();

        // an ОО starts filling (as its table's autosave does): the coordinator's counters follow
        await signIn(school.page, 'sch390001', DEMO_PASSWORDS.school);
        const saved = await apiFromPage(school.page, 'PUT', `/api/collections/${collectionId}/entry`, {
          data: { general: [{ _row: 'oo', students: 512 }] },
          version: 0,
        });
        expect(saved.status).toBe(200);
        await page.getByRole('button', { name: 'Обновить' }).click();
        await page.getByTestId('count-inProgress').filter({ hasText: '2' }).waitFor();
        expect(await counts(page)).toEqual({ total: 11, notStarted: 7, inProgress: 2, submitted: 2 });

        // «Экспорт результатов»: a background job, then the file in the notifications
        const before = await bellCount(page);
        await page.getByRole('button', { name: 'Экспорт результатов' }).click();
        await page.getByText('Файл придёт в уведомления', { exact: false }).first().waitFor();
        const ready = page.getByRole('link', { name: 'Загрузить отчёт' });
        await ready.waitFor({ timeout: 60_000 });
        // the finished job refreshes the bell at once, not at its next 30-second poll
        expect(await waitBellAbove(page, before, 5_000)).toBe(before + 1);
        await screenshot(page, 'monitoring-export-ready');
        const fromJob = await download(page, () => ready.click());
        expect(fromJob.suggestedFilename()).toMatch(/\.xlsx$/);

        await page.getByRole('button', { name: /^Уведомления/ }).click();
        const menu = page.getByRole('region', { name: 'Последние уведомления' });
        await menu.getByText('Экспорт результатов готов').waitFor();
        await menu.getByRole('link', { name: 'Все уведомления' }).click();
        await page.getByRole('heading', { name: 'Уведомления', level: 1 }).waitFor();
        const item = page.locator('li', { hasText: 'Экспорт результатов готов' }).first();
        const later = await download(page, () => item.getByRole('link', { name: /^Скачать:/ }).click());
        expect(later.suggestedFilename()).toBe(fromJob.suggestedFilename());
        await screenshot(page, 'notifications-page');
      } finally {
        await coord.context.close();
        await school.context.close();
      }
    },
  );

  it('«Открыть для ОО» продлевает сбор для одной ОО', { timeout: 60_000 }, async () => {
    const { context, page } = await newPage(suite.browser, suite.server.url);
    try {
      await signIn(page, 'reg390000', DEMO_PASSWORDS.region_coordinator);
      await page.getByRole('region', { name: 'Актуальное' }).getByRole('link', { name: QUESTIONNAIRE }).click();
      const table = page.getByRole('table', { name: 'Ход сбора данных по ОО' });
      const row = table.locator('tr', { hasText: 'sch390004' });
      await row.getByRole('button', { name: 'Открыть для ОО' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Открыть до').fill('2099-05-20T18:00');
      await screenshot(page, 'monitoring-exception', { fullPage: false });
      await dialog.getByRole('button', { name: 'Открыть', exact: true }).click();
      await page.getByText(/Сбор данных открыт для sch390004 до 20\.05\.2099/).waitFor();
    } finally {
      await context.close();
    }
  });
});
