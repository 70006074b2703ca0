// Registration flows of seed 001 §1 in the browser. The demo region 39 has schools 390001…390011 (390011
// without a login), colleges 0101–0102, an open application collection where sch390002's application is
// already confirmed. The regional coordinator checks the registry: closes 390010, adds a school (it gets
// 390012 and the login sch390012), then confirms the consolidated application; the school sees it.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS, newPage, screenshot, signIn } from './support/browser.ts';
import { useServerAndBrowser } from './support/suite.ts';

const suite = useServerAndBrowser();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NEW_SCHOOL = 'МАОУ СОШ № 100';

async function downloaded(page: Page, testId: string): Promise<{ bytes: Buffer; name: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).first().click()])) as [
    Download,
    unknown,
  ];
  const file = await download.path();
  return { bytes: fs.readFileSync(file), name: download.suggestedFilename() };
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function header(ws: ExcelJS.Worksheet): (title: string) => number {
  const titles: string[] = [];
  ws.getRow(1).eachCell((cell, col) => (titles[col] = String(cell.value ?? '')));
  return (title) => {
    const i = titles.indexOf(title);
    if (i < 1) throw new Error(`нет столбца ${title}`);
    return i;
  };
}

function rowOf(ws: ExcelJS.Worksheet, column: number, value: string): number {
  for (let r = 2; r <= ws.rowCount; r++) if (String(ws.getRow(r).getCell(column).value ?? '') === value) return r;
  throw new Error(`нет строки ${value}`);
}

async function openRegistration(page: Page): Promise<void> {
  await page.goto('/registration');
  await page.getByRole('heading', { name: 'Регистрация', level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Проверка реестра ОО', level: 2 }).waitFor();
}

describe('регистрация ОО и заявки', () => {
  it(
    'региональный координатор 39 проводит выверку ОО и подтверждает сводную заявку',
    { timeout: 120_000 },
    async () => {
      const { context, page } = await newPage(suite.browser, suite.server.url);
      try {
        await signIn(page, 'reg390000', DEMO_PASSWORDS.region_coordinator);
        await openRegistration(page);
        await page.getByText('действующих ОО:').waitFor();
        await page.getByTestId('confirmed-count').waitFor();
        await screenshot(page, 'registration-overview');

        // download the ОО list of the region, close 390010, add a school as a new row
        const registry = await downloaded(page, 'registry-download');
        expect(registry.name).toMatch(/^Выверка ОО — .*\.xlsx$/);
        const wb = await workbook(registry.bytes);
        const ws = wb.getWorksheet('ОО')!;
        const col = header(ws);
        const codes: string[] = [];
        for (let r = 2; r <= ws.rowCount; r++) {
          const v = ws.getRow(r).getCell(col('Код ОО')).value;
          if (v) codes.push(String(v));
        }
        expect(codes).toContain('390011');
        expect(codes.some((c) => c.startsWith('77') || c.startsWith('25'))).toBe(false);
        expect(codes).not.toContain('390101'); // colleges belong to the СПО coordinator
        const municipality = String(ws.getRow(rowOf(ws, col('Код ОО'), '390001')).getCell(col('Муниципалитет')).value);
        ws.getRow(rowOf(ws, col('Код ОО'), '390010')).getCell(col('Статус')).value = 'закрыта';
        const added = ws.getRow(codes.length + 2);
        added.getCell(col('Полное наименование')).value =
          `Муниципальное автономное общеобразовательное учреждение ${NEW_SCHOOL}`;
        added.getCell(col('Краткое наименование')).value = NEW_SCHOOL;
        added.getCell(col('Муниципалитет')).value = municipality;
        added.getCell(col('Статус')).value = 'действует';
        const edited = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);

        await page
          .getByTestId('registry-upload')
          .setInputFiles({ name: 'выверка-39.xlsx', mimeType: XLSX, buffer: edited });
        const preview = page.getByRole('region', { name: 'Предварительный просмотр выверки' });
        await preview.waitFor();
        const counts = (await page.getByTestId('registry-counts').textContent()) ?? '';
        expect(counts).toContain('добавить: 1');
        expect(counts).toContain('закрыть: 1');
        expect(counts).toContain('изменить: 0');
        const changes = preview.getByRole('table', { name: 'Изменения реестра ОО' });
        await changes.getByRole('row').filter({ hasText: NEW_SCHOOL }).getByText('Будут добавлены').waitFor();
        await changes.getByRole('row').filter({ hasText: '390010' }).getByText('Будут закрыты').waitFor();
        // nothing is changed before «Применить»
        const before = (await (await page.request.get('/api/orgs')).json()) as {
          orgs: { code: string; status: string }[];
        };
        expect(before.orgs.find((o) => o.code === '390010')?.status).toBe('active');
        await screenshot(page, 'registration-registry-preview');

        await preview.getByRole('button', { name: 'Применить', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Применить выверку ОО' });
        await dialog.waitFor();
        expect((await dialog.textContent()) ?? '').toContain('Будет добавлено ОО: 1, закрыто: 1');
        await screenshot(page, 'registration-registry-confirm', { fullPage: false });
        await dialog.getByRole('button', { name: 'Применить', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });

        const issued = page.getByRole('table', { name: 'Выданные логины и пароли' });
        const newRow = issued.getByRole('row').filter({ hasText: 'sch390012' });
        await newRow.waitFor();
        expect(await issued.getByRole('row').count()).toBe(2);
        const password = ((await newRow.getByTestId('issued-password').textContent()) ?? '').trim();
        expect(password.length).toBeGreaterThanOrEqual(10);
        await page.getByText('Изменения применены: добавлено ОО — 1, закрыто — 1, изменено — 0').waitFor();
        await screenshot(page, 'registration-registry-applied');
        const after = (await (await page.request.get('/api/orgs')).json()) as {
          orgs: { code: string; status: string; login: string | null; shortName: string }[];
        };
        expect(after.orgs.find((o) => o.code === '390010')?.status).toBe('closed');
        expect(after.orgs.find((o) => o.code === '390012')).toMatchObject({
          login: 'sch390012',
          shortName: NEW_SCHOOL,
        });

        // the consolidated application: every active school of the region, the new one too
        await page.getByRole('button', { name: 'Я сохранил реквизиты — скрыть пароли' }).click();
        const consolidated = await downloaded(page, 'consolidated-download');
        const cwb = await workbook(consolidated.bytes);
        const cws = cwb.getWorksheet('Заявки')!;
        const ccol = header(cws);
        const rows = new Map<string, string[]>();
        for (let r = 2; r <= cws.rowCount; r++) {
          const code = cws.getRow(r).getCell(ccol('Код ОО')).value;
          if (!code) continue;
          const state = String(cws.getRow(r).getCell(ccol('Состояние заявки')).value ?? '');
          rows.set(String(code), [...(rows.get(String(code)) ?? []), state]);
        }
        expect(rows.get('390002')?.[0]).toBe('подтверждена');
        expect(rows.get('390001')?.[0]).toBe('сдана ОО');
        expect(rows.get('390011')).toEqual(['не заполнена']);
        expect(rows.get('390006')).toEqual(['в работе, не сдана']);
        expect(rows.get('390012')).toEqual(['не заполнена']);
        expect(rows.has('390010')).toBe(false);

        // the coordinator corrects one figure of sch390001 and confirms the file
        const mathRow = [...Array(cws.rowCount).keys()]
          .map((i) => i + 1)
          .find(
            (r) =>
              String(cws.getRow(r).getCell(ccol('Код ОО')).value) === '390001' &&
              String(cws.getRow(r).getCell(ccol('Предмет')).value) === 'Математика' &&
              String(cws.getRow(r).getCell(ccol('Параллель')).value) === '4',
          );
        expect(mathRow).toBeDefined();
        cws.getRow(mathRow!).getCell(ccol('Число участников')).value = 50;
        const correctedFile = Buffer.from((await cwb.xlsx.writeBuffer()) as ArrayBuffer);
        await page
          .getByTestId('consolidated-upload')
          .setInputFiles({ name: 'сводная.xlsx', mimeType: XLSX, buffer: correctedFile });
        const appPreview = page.getByRole('region', { name: 'Предварительный просмотр заявок' });
        await appPreview.waitFor();
        const schools = appPreview.getByRole('table', { name: 'Изменения заявок' });
        await schools
          .getByRole('row')
          .filter({ hasText: 'sch390001' })
          .getByText('Подтвердить с исправлениями')
          .waitFor();
        await schools.getByRole('row').filter({ hasText: 'sch390003' }).getByText('Подтвердить как сдано').waitFor();
        await screenshot(page, 'registration-application-preview');
        await appPreview.getByRole('button', { name: 'Применить', exact: true }).click();
        const confirm = page.getByRole('dialog', { name: 'Подтвердить заявки' });
        await confirm.getByRole('button', { name: 'Применить', exact: true }).click();
        await page.getByText(/^Заявки подтверждены: \d+$/).waitFor();
        // the counters are reloaded after the apply answer: wait for them rather than read the old ones
        await expect
          .poll(async () => Number(await page.getByTestId('confirmed-count').textContent()), { timeout: 10_000 })
          .toBeGreaterThanOrEqual(3);
        await screenshot(page, 'registration-application-applied');
      } finally {
        await context.close();
      }

      // the school sees the confirmed figures, corrected by the coordinator
      const school = await newPage(suite.browser, suite.server.url);
      try {
        const { page } = school;
        await signIn(page, 'sch390001', DEMO_PASSWORDS.school);
        await page.goto('/application');
        await page.getByTestId('application-confirmed').waitFor();
        const confirmed = page.getByRole('table', { name: 'Подтверждённая заявка' });
        await confirmed.waitFor();
        const cells = await confirmed
          .getByRole('row')
          .evaluateAll((rows) =>
            rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
          );
        expect(cells).toContainEqual(['4', 'Математика', '2', '50']);
        await page.getByText('Координатор внёс изменения в заявку').waitFor();
        await screenshot(page, 'registration-school-confirmed');
      } finally {
        await school.context.close();
      }
    },
  );

  it(
    'школа заполняет заявку файлом XLSX и видит, что она сдана и ждёт подтверждения',
    { timeout: 90_000 },
    async () => {
      const { context, page } = await newPage(suite.browser, suite.server.url);
      try {
        await signIn(page, 'sch390004', DEMO_PASSWORDS.school);
        await page.goto('/application');
        await page.getByText('Не заполнена').waitFor();
        await page.getByRole('link', { name: 'Заполнить заявку' }).click();
        await page.waitForURL(/\/collections\/[0-9a-f-]{36}$/);
        const id = new URL(page.url()).pathname.split('/')[2]!;
        const blank = await page.request.get(`/api/collections/${id}/xlsx`);
        expect(blank.status()).toBe(200);
        const wb = await workbook(Buffer.from(await blank.body()));
        const ws = wb.getWorksheet('Заявка')!;
        const col = header(ws);
        const fill = (r: number, grade: number, subject: string, classes: number, participants: number) => {
          const row = ws.getRow(r);
          row.getCell(col('Параллель')).value = grade;
          row.getCell(col('Предмет')).value = subject;
          row.getCell(col('Число классов')).value = classes;
          row.getCell(col('Число участников')).value = participants;
        };
        fill(2, 6, 'Математика', 2, 47);
        fill(3, 7, 'Физика', 2, 45);
        const filled = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
        await page.getByTestId('xlsx-file').setInputFiles({ name: 'заявка.xlsx', mimeType: XLSX, buffer: filled });
        await page.getByText('Файл принят и проверен').waitFor();

        await page.goto('/application');
        await page.getByText('Заявка сдана и ждёт подтверждения регионального координатора.').waitFor();
        const sent = page.getByRole('table', { name: 'Сданная заявка' });
        await sent.waitFor();
        const cells = await sent
          .getByRole('row')
          .evaluateAll((rows) =>
            rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
          );
        expect(cells.slice(1)).toEqual([
          ['6', 'Математика', '2', '47'],
          ['7', 'Физика', '2', '45'],
        ]);
        await screenshot(page, 'registration-school-submitted');
      } finally {
        await context.close();
      }
    },
  );

  it('школа не может скачать сводный файл заявок', { timeout: 60_000 }, async () => {
    const { context, page } = await newPage(suite.browser, suite.server.url);
    try {
      await signIn(page, 'sch390003', DEMO_PASSWORDS.school);
      const mine = (await (await page.request.get('/api/applications/mine')).json()) as {
        applications: { collectionId: string }[];
      };
      const id = mine.applications[0]!.collectionId;
      expect((await page.request.get(`/api/applications/${id}/consolidated`)).status()).toBe(403);
      await page.goto('/registration');
      await page.getByRole('heading', { name: 'Раздел недоступен' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
