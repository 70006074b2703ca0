// ВПР results in the browser, on the server's rehearsal clock (CLOCK_FILE): the visitor's school of the demo
// downloads its form, fills it in as a teacher would (a Cyrillic «Х», an absent pupil, «нет отметки», a block
// pasted from another sheet), is refused twice with every error at its cell, then hands it in; the next day it
// fills another subject on the site with a pasted block. The region's coordinator sees the monitoring move and
// opens every report of «Аналитика», exporting one to Excel. Screenshots go to /tmp/shots-results-e2e/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_KINDS, REPORT_TITLES, type MyResults, type ResultsSubjectStatus, type ResultsView } from '@oko/shared';
import { DEMO_PASSWORDS, launchBrowser, newPage, signIn } from './support/browser.ts';
import { apiFromPage, download, openSection } from './support/cabinet.ts';
import { MOSCOW, addDays, dateIn, localInstant, setClock } from './support/results-clock.ts';
import { fillProtocol, readBook, tsvOf, type ProtocolRow } from './support/results-workbook.ts';
import { startServer, type RunningServer } from './support/server.ts';

const SCHOOL = 'sch390001';
const COORDINATOR = 'reg390000';
const SHOTS = '/tmp/shots-results-e2e';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ABSENT = 'отсутствовал';
const NO_MARK = 'нет отметки';
/** The Cyrillic letter a teacher types for the Latin «X» (did not attempt the task). */
const CYRILLIC_X = 'Х';

let server: RunningServer;
let browser: Browser;
let clockDir: string;
let clockFile: string;
/** Today in Moscow on the rehearsal clock: the demo counts its test dates from it. */
let today: string;
const shared: {
  subject?: ResultsSubjectStatus;
  codes?: string[];
  before?: Counts;
} = {};

interface Counts {
  expected: number;
  uploaded: number;
  missing: number;
  participants: number;
  absent: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

async function myResults(page: Page): Promise<MyResults> {
  const res = await apiFromPage(page, 'GET', '/api/vpr/results');
  expect(res.status).toBe(200);
  return res.json as MyResults;
}

async function resultsView(page: Page, subjectId: string): Promise<ResultsView> {
  const res = await apiFromPage(page, 'GET', `/api/vpr/results/${subjectId}`);
  expect(res.status).toBe(200);
  return res.json as ResultsView;
}

const ruDate = (date: string) => date.split('-').reverse().join('.');
const subjectLabel = (s: { name: string; grade: number; code: string }) => `${s.name}, ${s.grade} класс (${s.code})`;
const card = (page: Page, s: { code: string; grade: number }): Locator =>
  page.getByTestId(`results-card-${s.code}-${s.grade}`);

async function openCampaignTab(page: Page, tab: 'Результаты' | 'Аналитика', campaignId: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Разделы кампании' })
    .getByRole('link', { name: tab, exact: true })
    .click();
  await page.waitForURL(`**/vpr/campaigns/${campaignId}/${tab === 'Результаты' ? 'results' : 'analytics'}`);
}

/** The coordinator's «Результаты» for the subject, read once the list has loaded. */
async function monitoringOf(page: Page, s: ResultsSubjectStatus): Promise<Counts> {
  await page.getByLabel('Предмет', { exact: true }).selectOption({ label: subjectLabel(s) });
  // the deadline line and the counters are drawn only for the subject chosen, not for the one before it
  await page
    .getByTestId('monitoring-deadline')
    .getByText(`до ${ruDate(dateIn(new Date(s.deadline), s.zone))} `)
    .waitFor();
  const row = page.getByTestId(`monitoring-row-${SCHOOL}`);
  await row.getByText(ruDate(s.testDate), { exact: true }).waitFor();
  const read = async (key: string) => Number(await page.getByTestId(`count-${key}`).textContent());
  const participants = page.getByTestId('count-participants').locator('xpath=..');
  const absent = Number(/отсутствовали: (\d+)/.exec((await participants.textContent()) ?? '')?.[1]);
  return {
    expected: await read('expected'),
    uploaded: await read('uploaded'),
    missing: await read('missing'),
    participants: await read('participants'),
    absent,
  };
}

async function openCoordinatorCampaign(page: Page, campaignId: string): Promise<void> {
  await signIn(page, COORDINATOR, DEMO_PASSWORDS.region_coordinator);
  await openSection(page, 'Кампании ВПР');
  await page.getByRole('link', { name: /демонстрационная/ }).click();
  await page.waitForURL(`**/vpr/campaigns/${campaignId}`);
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  clockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oko-e2e-clock-'));
  clockFile = path.join(clockDir, 'clock');
  // 15:00 Moscow time of today (14:00 in Kaliningrad): the demo's subject of today is being written, its window
  // is open, and several schools have already sent theirs in the afternoon of their zone
  today = dateIn(new Date(), MOSCOW);
  fs.writeFileSync(clockFile, localInstant(today, '15:00', MOSCOW).toISOString());
  // the clock jumps a day ahead later: sessions must outlive the jump
  server = await startServer({ CLOCK_FILE: clockFile, SESSION_TTL_HOURS: '720' });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (clockDir) fs.rmSync(clockDir, { recursive: true, force: true });
}, 30_000);

describe('результаты ВПР: форма школы, мониторинг и аналитика координатора', () => {
  it('окно загрузки открыто, коды участников выданы; координатор видит школу без результатов', async () => {
    const school = await newPage(browser, server.url);
    const coord = await newPage(browser, server.url);
    try {
      await signIn(school.page, SCHOOL, DEMO_PASSWORDS.school);
      const mine = await myResults(school.page);
      const now = Date.parse(mine.now);
      // today's subject: the window runs from 00:00 local of the test day to 23:00 MSK of the deadline day
      const subject = mine.subjects.find((s) => s.testDate === today);
      expect(subject, `в план-графике ${SCHOOL} нет предмета на ${today}`).toBeDefined();
      const s = subject!;
      expect(s.zone).toBe('Europe/Kaliningrad');
      expect(s.opensAt).toBe(localInstant(today, '00:00', s.zone).toISOString());
      expect(
        new Date(s.deadline).getTime() - localInstant(dateIn(new Date(s.deadline), MOSCOW), '23:00', MOSCOW).getTime(),
      ).toBe(0);
      expect(Date.parse(s.opensAt)).toBeLessThanOrEqual(now);
      expect(Date.parse(s.deadline)).toBeGreaterThan(now);
      expect(s.open).toBe(true);
      // the demo leaves the visitor's school without results for today's subject
      expect(s.state).toBe('not_started');
      shared.subject = s;

      // the codes job runs right after the start: the form checks codes against them
      const deadline = Date.now() + 60_000;
      let codes: string[] = [];
      for (;;) {
        codes = (await resultsView(school.page, s.subjectId)).codes;
        if (codes.length >= 10) break;
        if (Date.now() > deadline) throw new Error(`коды участников ${SCHOOL} не выданы вовремя (${codes.length})`);
        await sleep(1000);
      }
      expect(codes.every((c) => c.startsWith(String(s.grade)))).toBe(true);
      shared.codes = codes;

      // the coordinator before the upload: the school is on the list without results
      await openCoordinatorCampaign(coord.page, s.campaignId);
      await openCampaignTab(coord.page, 'Результаты', s.campaignId);
      shared.before = await monitoringOf(coord.page, s);
      const row = coord.page.getByTestId(`monitoring-row-${SCHOOL}`);
      expect(await row.getByTestId('monitoring-state').textContent()).toBe('Не загружено');
      expect(shared.before.expected).toBeGreaterThan(shared.before.uploaded);
      expect(shared.before.uploaded).toBeGreaterThan(0);
      await shot(coord.page, '01-coordinator-monitoring-before');
    } finally {
      await school.context.close();
      await coord.context.close();
    }
  });

  it('школа скачивает форму, заполняет как учитель, видит ошибки с ячейками, исправляет и сдаёт', async () => {
    const s = shared.subject!;
    const codes = shared.codes!;
    const foreign = ['59999', '59998', '59997'].find((c) => !codes.includes(c))!;
    const { page } = await newPage(browser, server.url);
    try {
      await signIn(page, SCHOOL, DEMO_PASSWORDS.school);
      await openSection(page, 'Результаты ВПР');
      const c = card(page, s);
      await c.waitFor();
      expect(await c.getByTestId('results-state').textContent()).toContain('Не начато');
      await shot(page, '02-school-results-page');

      const file = await download(page, () => c.getByTestId('results-download').click());
      expect(file.suggestedFilename()).toBe(`Результаты ВПР ${s.code} ${s.grade} класс — ${SCHOOL}.xlsx`);
      const form = fs.readFileSync(await file.path());
      const book = await readBook(form);
      // the rows below are written for the demo's «Биология, 5 класс»: columns C–J are its eight tasks
      const header = (book.getWorksheet('Протокол')!.getRow(1).values as unknown[]).slice(1).map(String);
      expect(header.slice(0, 12)).toEqual([
        'Код участника',
        'Вариант',
        ...['1 (1б)', '2 (1б)', '3 (1б)', '4 (1б)', '5 (1б)', '6 (1б)', '7 (3б)', '8 (3б)'],
        'Порядковый номер класса',
        'Отметка за предыдущий триместр/ четверть/полугодие',
      ]);

      // typed: a Cyrillic «Х», «нет отметки», an absent pupil (no scores)
      const typed = (faults: boolean): ProtocolRow[] => [
        { code: codes[0]!, variant: 1, scores: [1, 1, 0, 1, CYRILLIC_X, 1, 2, 3], classNo: 1, journal: 5 },
        // I3: 5 points for a task of 3 (only with faults)
        { code: codes[1]!, variant: 2, scores: [1, 0, 1, 1, 1, 0, faults ? 5 : 1, 2], classNo: 1, journal: NO_MARK },
        { code: codes[2]!, variant: ABSENT, scores: [], classNo: 1, journal: null },
      ];
      // pasted from the teacher's sheet: codes as the numbers Excel made of them, a lowercase Cyrillic «х»
      const pasted = (cellFaults: boolean, codeFaults: boolean): ProtocolRow[] => [
        { code: Number(codes[3]), variant: 1, scores: [1, 1, 1, 1, 1, 1, 3, 3], classNo: 2, journal: 5 },
        // K6: class 51 of at most 50
        {
          code: Number(codes[4]),
          variant: 2,
          scores: [0, 0, 1, 'х', 0, 1, 1, 0],
          classNo: cellFaults ? 51 : 2,
          journal: 3,
        },
        // A7: a code this school was not given
        {
          code: Number(codeFaults ? foreign : codes[5]),
          variant: 1,
          scores: [1, 1, 1, 0, 1, 1, 2, 2],
          classNo: 2,
          journal: 4,
        },
        { code: Number(codes[6]), variant: 2, scores: [1, 0, 0, 0, 1, 0, 0, 1], classNo: 2, journal: 2 },
        // A9: the code of row 2 again
        {
          code: Number(codeFaults ? codes[0] : codes[7]),
          variant: 1,
          scores: [1, 1, 1, 1, 0, 1, 2, 1],
          classNo: 2,
          journal: NO_MARK,
        },
      ];
      const upload = (name: string, bytes: Buffer) =>
        c.getByTestId('results-upload').setInputFiles({ name, mimeType: XLSX, buffer: bytes });
      const issues = c.getByTestId('results-issues').locator('li');

      // 1st try: the reader names the cells it cannot take; the codes are judged only once the cells are right
      await upload('результаты-1.xlsx', await fillProtocol(form, typed(true), pasted(true, true)));
      await c.getByTestId('results-upload-error').waitFor();
      let list = await issues.allTextContents();
      expect(list.some((t) => t.startsWith('Лист «Протокол», ячейка I3:'))).toBe(true);
      expect(list.some((t) => t.startsWith('Лист «Протокол», ячейка K6:'))).toBe(true);
      expect(list.join('\n')).not.toContain('ячейка A');
      expect(await c.getByTestId('results-upload-error').textContent()).toContain(`не принят: ${list.length}`);
      await c.scrollIntoViewIfNeeded();
      await shot(page, '03-school-upload-refused-cells');

      // 2nd try: cells fixed; a foreign code and a repeated one, each at its cell
      await upload('результаты-2.xlsx', await fillProtocol(form, typed(false), pasted(false, true)));
      await c.getByTestId('results-upload-error').getByText('ячейка A7', { exact: false }).waitFor();
      list = await issues.allTextContents();
      expect(list).toHaveLength(2);
      expect(list[0]).toBe(
        `Лист «Протокол», ячейка A7: Кода ${foreign} нет среди кодов участников вашей ОО для ${s.grade} класса`,
      );
      expect(list[1]).toBe(
        `Лист «Протокол», ячейка A9: Код ${codes[0]} уже указан в строке 2: у каждого участника одна строка`,
      );
      await shot(page, '04-school-upload-refused-codes');
      expect((await resultsView(page, s.subjectId)).uploads).toHaveLength(0);

      // fixed: accepted, the card says «Сдано» with the counts
      await upload('результаты-3.xlsx', await fillProtocol(form, typed(false), pasted(false, false)));
      await c.getByTestId('results-state').getByText('Сдано', { exact: true }).waitFor();
      expect(await c.getByTestId('results-upload-error').count()).toBe(0);
      expect(await c.getByTestId('results-state').textContent()).toContain('участников 7, отсутствовали 1');
      await c.getByRole('status').getByText('Файл принят и проверен: результаты сданы (версия 1).').waitFor();
      await shot(page, '05-school-submitted');

      const view = await resultsView(page, s.subjectId);
      expect(view.uploads.map((u) => [u.source, u.participants, u.absent, u.late])).toEqual([['xlsx', 7, 1, false]]);
      const rows = view.entry!.data.protocol!;
      expect(rows).toHaveLength(8);
      // the Cyrillic letters were read as the Latin X, the total counts X as 0
      expect(rows[0]).toMatchObject({ code: codes[0], variant: '1', t5: 'X', journal: '5', total: 9 });
      expect(rows[1]).toMatchObject({ journal: NO_MARK });
      expect(rows[2]).toMatchObject({ variant: ABSENT, t1: null });
      expect(rows[4]).toMatchObject({ code: codes[4], t4: 'X' });
    } finally {
      await page.context().close();
    }
  });

  it('координатор: мониторинг изменился, все шесть отчётов «Аналитики» открываются, выгрузка в Excel', async () => {
    const s = shared.subject!;
    const before = shared.before!;
    const { page } = await newPage(browser, server.url);
    try {
      await openCoordinatorCampaign(page, s.campaignId);
      await openCampaignTab(page, 'Результаты', s.campaignId);
      const after = await monitoringOf(page, s);
      expect(after).toEqual({
        expected: before.expected,
        uploaded: before.uploaded + 1,
        missing: before.missing - 1,
        participants: before.participants + 7,
        absent: before.absent + 1,
      });
      const row = page.getByTestId(`monitoring-row-${SCHOOL}`);
      expect(await row.getByTestId('monitoring-state').textContent()).toBe('Загружено');
      expect(await row.textContent()).toContain('отс.: 1');
      await shot(page, '06-coordinator-monitoring-after');

      await openCampaignTab(page, 'Аналитика', s.campaignId);
      await page.getByLabel('Предмет', { exact: true }).selectOption({ label: subjectLabel(s) });
      const title = page.locator('#report-title');
      for (const kind of REPORT_KINDS) {
        await page.getByLabel('Отчёт', { exact: true }).selectOption({ label: REPORT_TITLES[kind] });
        await expect.poll(() => title.textContent()).toBe(REPORT_TITLES[kind]);
        await page.locator('.report[aria-busy="false"]').waitFor();
        const table = page.getByTestId('report-table');
        expect(await table.locator('tbody tr').count(), REPORT_TITLES[kind]).toBeGreaterThan(0);
        expect(await page.getByTestId('report-computed').textContent()).toMatch(
          /^Рассчитано: \d\d\.\d\d\.\d{4} \d\d:\d\d$/,
        );
        if (kind === 'individual') {
          // the school's group row opens its pupils' lines (codes, never names)
          expect(await table.locator('tbody tr', { hasText: `(${SCHOOL})` }).count()).toBe(1);
          expect(await page.getByTestId('report-chart').count()).toBe(0);
        } else {
          const chart = page.getByTestId('report-chart');
          expect(await chart.locator('svg').count(), REPORT_TITLES[kind]).toBeGreaterThan(0);
          expect(await chart.locator('svg rect, svg polyline, svg path').count(), REPORT_TITLES[kind]).toBeGreaterThan(
            0,
          );
        }
        await shot(page, `07-analytics-${kind}`);
      }

      // «Статистика по отметкам» by ОО: the school's row is there, then the report goes to Excel
      await page.getByLabel('Отчёт', { exact: true }).selectOption({ label: REPORT_TITLES.marks });
      await page.getByLabel('Детализация', { exact: true }).selectOption({ label: 'по ОО' });
      await page
        .getByTestId('report-table')
        .locator('tbody tr', { hasText: `(${SCHOOL})` })
        .waitFor();
      await page.getByTestId('report-export').click();
      await page.getByText('Отчёт выгружается в Excel. Файл придёт в уведомления.').waitFor();
      const link = page.getByRole('link', { name: 'Загрузить отчёт' });
      await link.waitFor({ timeout: 60_000 });
      await shot(page, '08-analytics-export-done');
      const file = await download(page, () => link.click());
      const book = await readBook(fs.readFileSync(await file.path()));
      expect(book.worksheets.map((w) => w.name)).toContain(`${s.code} ${s.grade} ${REPORT_TITLES.marks}`.slice(0, 31));
    } finally {
      await page.context().close();
    }
  });

  it('на следующий день школа заполняет другой предмет на сайте: вставка блока с «Х», сохранение, сдача', async () => {
    const codes = shared.codes!;
    const tomorrow = addDays(today, 1);
    const { context, page } = await newPage(browser, server.url);
    try {
      await signIn(page, SCHOOL, DEMO_PASSWORDS.school);
      const next = (await myResults(page)).subjects.find((x) => x.testDate === tomorrow);
      expect(next, `в план-графике ${SCHOOL} нет предмета на ${tomorrow}`).toBeDefined();
      const s = next!;
      expect(s.open).toBe(false);
      // 00:00 local of its test day: the window opens, not a few seconds earlier
      const opensAt = localInstant(tomorrow, '00:00', s.zone);
      expect(s.opensAt).toBe(opensAt.toISOString());
      await setClock(clockFile, new Date(opensAt.getTime() - 5000));
      const early = await apiFromPage(page, 'PUT', `/api/vpr/results/${s.subjectId}/entry`, {
        data: { protocol: [] },
        version: 0,
      });
      expect(early.status).toBe(403);
      expect((early.json as { error: { code: string } }).error.code).toBe('RESULTS_NOT_YET_OPEN');
      await setClock(clockFile, opensAt);
      expect((await myResults(page)).subjects.find((x) => x.subjectId === s.subjectId)!.open).toBe(true);
      await setClock(clockFile, localInstant(tomorrow, '12:00', MOSCOW));

      await openSection(page, 'Результаты ВПР');
      const c = card(page, s);
      await c.getByRole('link', { name: 'Заполнить на сайте' }).click();
      await page.waitForURL(`**/vpr/results/${s.subjectId}`);
      await page.getByRole('heading', { name: `Результаты ВПР: ${s.name}, ${s.grade} класс`, level: 1 }).waitFor();
      const tasks = (await resultsView(page, s.subjectId)).template.sheets[0]!.columns.filter((col) =>
        /^\d/.test(col.title),
      ).length;
      const block: ProtocolRow[] = [
        { code: codes[0]!, variant: 1, scores: [1, 1, 1, CYRILLIC_X, 1, 0, 2, 3], classNo: 1, journal: 4 },
        { code: codes[1]!, variant: 2, scores: [0, 1, 1, 1, 1, 1, 1, 1], classNo: 1, journal: NO_MARK },
        { code: codes[2]!, variant: ABSENT, scores: [], classNo: 1, journal: null },
      ];
      await cell(page, 'A2').click();
      await paste(page, tsvOf(block, tasks));
      await expect.poll(() => cell(page, 'A4').textContent()).toBe(codes[2]);
      await expect.poll(() => cell(page, 'F2').textContent()).toBe('X');
      await page.getByText(/^Сохранено в \d\d:\d\d$/).waitFor();
      expect(await page.locator('[data-testid="grid-scroll"] td[aria-invalid="true"]').count()).toBe(0);
      await shot(page, '09-school-online-pasted');

      await page.getByRole('button', { name: 'Сдать результаты' }).click();
      await page.getByTestId('results-state').getByText('Сдано', { exact: true }).waitFor();
      await page.getByTestId('results-uploads').getByText('Заполнено на сайте').waitFor();
      await shot(page, '10-school-online-submitted');
      const view = await resultsView(page, s.subjectId);
      expect(view.uploads.map((u) => [u.source, u.participants, u.absent])).toEqual([['online', 2, 1]]);
      expect(view.entry!.data.protocol![0]).toMatchObject({ code: codes[0], t4: 'X', total: 9 });
    } finally {
      await context.close();
    }
  });
});

/** The cell at an Excel address of the grid on screen: «A2» is column A of the first data row. */
function cell(page: Page, address: string): Locator {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(address);
  const c = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return page.locator(`[data-testid="grid-scroll"] tr[data-r="${Number(m[2]) - 2}"] td[data-c="${c}"]`);
}

/** What Ctrl+V delivers from Excel: a paste event with the text, sent to the focused grid. */
async function paste(page: Page, tsv: string): Promise<void> {
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, tsv);
}
