// Publications as the seed's screens describe them: a collapsed card that opens to its three blocks, the file
// storage with individual, only-for-ОО and not-yet-available files, «Раскрыть» / «Показать все», and the
// coordinator's download report arriving through the bell.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiFromPage, bellCount, download, expandPublication, openSection, waitBellAbove } from './support/cabinet.ts';
import { DEMO_PASSWORDS, newPage, screenshot, signIn } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

const suite = useServerAndBrowser();
const VPR = 'Всероссийские проверочные работы 2026: порядок проведения';
const PASSWORD_FILE = 'Пароль к архиву (История, 5 класс).txt';
const CRITERIA_FILE = 'Критерии оценивания (История, 5 класс).pdf';

interface ApiFile {
  id: string;
  name: string;
  onlyForOrgs: boolean;
}
interface ApiPublication {
  title: string;
  storages: { title: string; files: { items: ApiFile[] } }[];
}

async function fileOf(page: Page, storageTitle: string, fileName: string): Promise<ApiFile> {
  const res = await apiFromPage(page, 'GET', '/api/publications?section=vpr');
  const pub = (res.json as ApiPublication[]).find((p) => p.title === VPR);
  const file = pub?.storages.find((s) => s.title === storageTitle)?.files.items.find((f) => f.name === fileName);
  if (!file) throw new Error(`нет файла ${fileName} в хранилище ${storageTitle}`);
  return file;
}

const storage = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });

describe('публикации и хранилище файлов', () => {
  it('ОО раскрывает публикацию и скачивает свой индивидуальный файл', { timeout: 90_000 }, async () => {
    const { context, page } = await newPage(suite.browser, suite.server.url);
    try {
      await signIn(page, 'sch390001', DEMO_PASSWORDS.school);
      await openSection(page, 'ВПР');

      // collapsed by default: the title and the date, no blocks yet
      const head = page.getByRole('button', { name: VPR });
      expect(await head.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('heading', { name: 'Общая информация' }).count()).toBe(0);
      await screenshot(page, 'publications-collapsed');

      await expandPublication(page, VPR);
      const card = page.locator('article', { has: head });
      await card.getByRole('heading', { name: 'Хранилище файлов', level: 3 }).waitFor();
      // general information: a site opens in a new tab, a document link downloads the publication's file
      const site = card.getByRole('link', { name: 'ФИОКО' });
      expect(await site.getAttribute('target')).toBe('_blank');
      expect(await site.getAttribute('rel')).toContain('noopener');
      expect(await card.getByRole('link', { name: 'порядком проведения' }).getAttribute('href')).toMatch(
        /^\/api\/files\/[0-9a-f-]{36}$/,
      );
      expect(await card.locator('script').count()).toBe(0);

      // the individual storage shows this school's file only
      const codes = storage(page, 'Коды участников');
      const names = await codes.locator('.file-name').allTextContents();
      expect(names).toEqual(['sch390001_коды участников.xlsx']);
      const row = codes.locator('li', { hasText: 'sch390001_коды участников.xlsx' });
      expect(await row.textContent()).not.toContain('Скачано');
      const got = await download(page, () =>
        row.getByRole('link', { name: 'Скачать sch390001_коды участников.xlsx' }).click(),
      );
      expect(got.suggestedFilename()).toBe('sch390001_коды участников.xlsx');
      await row.getByText(/Скачано: \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/).waitFor();

      // the only-for-ОО file is this school's to take; a file that opens tomorrow is not shown to it yet
      const materials = storage(page, 'Материалы для проведения');
      await materials.getByRole('link', { name: `Скачать ${PASSWORD_FILE}` }).waitFor();
      expect(await materials.getByText(CRITERIA_FILE).count()).toBe(0);
      await screenshot(page, 'publications-school');

      // the server remembers the download: after a reload the time is still there
      await page.reload();
      await expandPublication(page, VPR);
      await storage(page, 'Коды участников')
        .getByText(/Скачано:/)
        .waitFor();

      // «Сбор данных» of another publication: status, interval, «Заполнить»
      await expandPublication(page, 'Анкета ОО (контекстные данные)');
      const block = page.getByRole('region', { name: 'Анкета ОО, контекстные данные' });
      await block.getByText('Открыт', { exact: true }).waitFor();
      expect(await block.textContent()).toContain('Сроки сбора');
      await block.getByRole('link', { name: 'Заполнить' }).waitFor();
      await screenshot(page, 'publications-collection-block');
    } finally {
      await context.close();
    }
  });

  it(
    'координатор видит файл «Только для ОО», но не может его скачать; «Отчет» приходит в уведомления',
    {
      timeout: 120_000,
    },
    async () => {
      const { context, page } = await newPage(suite.browser, suite.server.url);
      try {
        await signIn(page, 'reg390000', DEMO_PASSWORDS.region_coordinator);
        await openSection(page, 'ВПР');
        await expandPublication(page, VPR);

        const materials = storage(page, 'Материалы для проведения');
        const locked = materials.locator('li', { hasText: PASSWORD_FILE });
        await locked.getByText('Только для ОО').waitFor();
        expect(await locked.getByRole('link').count()).toBe(0);
        // the API refuses too, not only the page
        const file = await fileOf(page, 'Материалы для проведения', PASSWORD_FILE);
        expect(file.onlyForOrgs).toBe(true);
        const direct = await apiFromPage(page, 'GET', `/api/files/${file.id}`);
        expect(direct.status).toBe(403);
        // a file that opens tomorrow at 09:00 in each ОО's zone: listed with its moment, no download yet
        const later = materials.locator('li', { hasText: CRITERIA_FILE });
        await later
          .getByText(/Будет доступен с \d{2}\.\d{2}\.\d{4}, 09:00 \(местное\) \/ \d{2}\.\d{2}\.\d{4}, 10:00 МСК/)
          .waitFor();
        expect(await later.getByRole('link').count()).toBe(0);
        await screenshot(page, 'publications-coordinator');

        // individual files of the region's ten schools: «Раскрыть» with a search, «Показать все»
        const codes = storage(page, 'Коды участников');
        expect(await codes.locator('.file-row').count()).toBe(10);
        await codes.getByRole('button', { name: 'Раскрыть' }).click();
        await codes.getByLabel('Поиск по названию файла').fill('sch390005');
        await expect
          .poll(() => codes.locator('.file-name').allTextContents())
          .toEqual(['sch390005_коды участников.xlsx']);
        await screenshot(page, 'publications-storage-search');
        await codes.getByLabel('Поиск по названию файла').fill('');
        await codes.getByRole('button', { name: 'Показать все' }).click();
        await codes.locator('.file-row').nth(9).waitFor();
        expect(await codes.locator('.file-row').count()).toBe(10);

        // «Отчет»: a background job; the bell grows; the report downloads from the notifications
        const before = await bellCount(page);
        await codes.getByRole('button', { name: 'Отчет' }).click();
        await codes.getByText('Отчёт формируется. Он придёт в уведомления.').waitFor();
        await codes.getByRole('link', { name: 'Загрузить отчёт' }).waitFor({ timeout: 60_000 });
        expect(await waitBellAbove(page, before, 5_000)).toBe(before + 1);
        await screenshot(page, 'publications-report-ready');

        await page.getByRole('button', { name: /^Уведомления/ }).click();
        const menu = page.getByRole('region', { name: 'Последние уведомления' });
        const note = menu.locator('li', { hasText: 'Отчёт о скачивании файлов готов' }).first();
        await note.waitFor();
        await screenshot(page, 'notifications-bell', { fullPage: false });
        const report = await download(page, () => note.getByRole('link', { name: /^Скачать:/ }).click());
        expect(report.suggestedFilename()).toMatch(/^Скачивание файлов.*\.xlsx$/);

        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(await report.path());
        const sheet = wb.getWorksheet('Скачивание файлов');
        expect(sheet).toBeDefined();
        const rows: string[][] = [];
        sheet?.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
        const header = rows.findIndex((r) => r[0] === 'Логин');
        expect(header).toBeGreaterThanOrEqual(0);
        const logins = rows.slice(header + 1).map((r) => r[0]);
        expect(logins).toContain('sch390001');
        expect(logins).toContain('sch390010');
        expect(logins.some((l) => l?.startsWith('sch77'))).toBe(false);
        // downloading the file marks the notification read: the bell goes back
        await page.waitForFunction(
          (n) => Number(document.querySelector('[data-testid="bell-count"]')?.textContent ?? '0') < n,
          before + 1,
          { timeout: 10_000 },
        );
      } finally {
        await context.close();
      }
    },
  );

  it(
    'федеральный организатор листает хранилище по страницам и создаёт публикацию с файлами',
    {
      timeout: 120_000,
    },
    async () => {
      const { context, page } = await newPage(suite.browser, suite.server.url);
      try {
        await signIn(page, 'admin', DEMO_PASSWORDS.federal_admin);
        await openSection(page, 'ВПР');
        await expandPublication(page, VPR);
        const codes = storage(page, 'Коды участников');
        // the files of the 29 schools with an account: twenty on the first page
        expect(await codes.locator('.file-row').count()).toBe(20);
        await codes.getByText('Показаны 20 из 29').waitFor();
        await codes.getByRole('button', { name: 'Раскрыть' }).click();
        await codes.getByText('Страница 1 из 2').waitFor();
        await codes.getByRole('button', { name: 'Вперёд ›' }).click();
        await codes.getByText('Страница 2 из 2').waitFor();
        expect(await codes.locator('.file-row').count()).toBe(9);
        await screenshot(page, 'publications-storage-pages');

        await page.getByRole('link', { name: 'Создать публикацию' }).click();
        await page.getByRole('heading', { name: 'Новая публикация', level: 1 }).waitFor();
        await page.getByLabel('Заголовок').fill('Проверка: материалы для двух школ');
        await page
          .getByLabel('Общая информация')
          .fill(
            'Уважаемые коллеги!\n\nМатериалы — **в хранилище**. См. [сайт](https://fioco.ru/).\n\n- пункт один\n- пункт два',
          );
        const preview = page.getByLabel('Предпросмотр');
        await preview.locator('strong', { hasText: 'в хранилище' }).waitFor();
        expect(await preview.locator('li').count()).toBe(2);
        await page.getByLabel('Только перечисленные ОО (необязательно)').fill('sch390001\nsch390002');
        await screenshot(page, 'publications-new');
        await page.getByRole('button', { name: 'Опубликовать' }).click();
        await page.getByRole('heading', { name: 'Публикация создана', level: 1 }).waitFor();

        // individual files: the one named after a school outside the audience is refused with the server's words
        const form = page.getByRole('form', { name: 'Загрузка файлов: Файлы' });
        await form.getByLabel('Индивидуальные файлы (имя файла начинается с логина ОО)').check();
        await form.getByLabel('Файлы', { exact: true }).setInputFiles([
          { name: 'sch390001_материалы.txt', mimeType: 'text/plain', buffer: Buffer.from('для sch390001') },
          { name: 'sch390003_материалы.txt', mimeType: 'text/plain', buffer: Buffer.from('для sch390003') },
        ]);
        await form.getByRole('button', { name: 'Загрузить' }).click();
        await form
          .getByRole('alert')
          .getByText(/sch390003_материалы\.txt/)
          .first()
          .waitFor();
        await screenshot(page, 'publications-upload-error');

        await form.getByLabel('Файлы', { exact: true }).setInputFiles([
          { name: 'sch390001_материалы.txt', mimeType: 'text/plain', buffer: Buffer.from('для sch390001') },
          { name: 'sch390002_материалы.txt', mimeType: 'text/plain', buffer: Buffer.from('для sch390002') },
        ]);
        await form.getByRole('button', { name: 'Загрузить' }).click();
        await form.getByText('Загружено файлов: 2.').waitFor();
        await screenshot(page, 'publications-upload-done');
        await page.getByRole('link', { name: 'Перейти к публикации' }).click();
        const card = page.locator('article', {
          has: page.getByRole('button', { name: 'Проверка: материалы для двух школ' }),
        });
        await card.getByRole('heading', { name: 'Хранилище файлов', level: 3 }).waitFor();
        expect((await card.locator('.file-name').allTextContents()).sort()).toEqual([
          'sch390001_материалы.txt',
          'sch390002_материалы.txt',
        ]);
      } finally {
        await context.close();
      }

      // the school of the list sees the publication with its own file; another school does not see it at all
      const school = await newPage(suite.browser, suite.server.url);
      try {
        await signIn(school.page, 'sch390002', DEMO_PASSWORDS.school);
        await openSection(school.page, 'ВПР');
        await expandPublication(school.page, 'Проверка: материалы для двух школ');
        const names = await school.page
          .locator('article', { hasText: 'Проверка: материалы для двух школ' })
          .locator('.file-name')
          .allTextContents();
        expect(names).toEqual(['sch390002_материалы.txt']);
      } finally {
        await school.context.close();
      }
      const other = await newPage(suite.browser, suite.server.url);
      try {
        await signIn(other.page, 'sch390003', DEMO_PASSWORDS.school);
        await openSection(other.page, 'ВПР');
        await other.page.getByRole('button', { name: VPR }).waitFor();
        expect(await other.page.getByRole('button', { name: 'Проверка: материалы для двух школ' }).count()).toBe(0);
      } finally {
        await other.context.close();
      }
    },
  );
});
