// ВПР materials in the browser, on the server's rehearsal clock (CLOCK_FILE): a school of the encrypted group
// downloads its archive days ahead, sees the шифр only from 07:30 local on the test day and the criteria only
// from 14:00 Moscow time; an open-group archive of grade 4 opens 4 days ahead at 00:00 local; the coordinator
// sees who downloaded what; the federal level runs the campaign. Every moment is computed here from the
// test dates the API reports, not written down.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS, SCREENSHOTS, launchBrowser, newPage, screenshot, signIn } from './support/browser.ts';
import { apiFromPage, download } from './support/cabinet.ts';
import { startServer, type RunningServer } from './support/server.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MOSCOW = 'Europe/Moscow';
const SCHOOL = 'sch390001';

interface Subject {
  id: string;
  code: string;
  name: string;
  grade: number;
  group: 'open' | 'encrypted';
}
interface Entry {
  subjectId: string;
  subjectCode: string;
  grade: number;
  group: 'open' | 'encrypted';
  testDate: string;
  zone: string;
  gates: { archiveFrom: string; passwordFrom: string | null; criteriaFrom: string };
  archive: { fileId: string | null; available: boolean; downloadedAt: string | null };
  criteria: { fileId: string | null; available: boolean };
  password: { available: boolean; openedAt: string | null };
}
interface Progress {
  now: string;
  zone: string;
  entries: Entry[];
  codes: { grade: number }[];
}

let server: RunningServer;
let browser: Browser;
let clockDir: string;
let clockFile: string;
const shared: {
  campaignId?: string;
  subjects?: Subject[];
  history?: Entry;
  archive?: Buffer;
  password?: string;
} = {};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server re-reads the file every 20 ms; its time runs on from the instant written. */
async function setClock(at: Date): Promise<void> {
  fs.writeFileSync(clockFile, at.toISOString());
  await sleep(80);
}

/** Wall-clock parts of an instant in a zone, read back as if they were UTC. */
function wallAsUtc(t: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(t));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** The instant at which the zone's wall clock shows `date` `time` (computed here, independently of the server). */
function localInstant(date: string, time: string, zone: string): Date {
  const guess = Date.parse(`${date}T${time}:00Z`);
  let t = guess - (wallAsUtc(guess, zone) - guess);
  t = guess - (wallAsUtc(t, zone) - t);
  return new Date(t);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const ruDate = (date: string) => date.split('-').reverse().join('.');
const hhmm = (at: Date, zone: string) => new Date(wallAsUtc(at.getTime(), zone)).toISOString().slice(11, 16);
const seconds = (s: number) => s * 1000;

async function progressOf(page: Page, campaignId: string): Promise<Progress> {
  const res = await apiFromPage(page, 'GET', `/api/campaigns/${campaignId}/progress`);
  expect(res.status).toBe(200);
  return res.json as Progress;
}

const card = (page: Page, e: { subjectCode: string; grade: number }): Locator =>
  page.getByTestId(`subject-${e.subjectCode}${e.grade}`);

async function openProgress(page: Page, e: { subjectCode: string; grade: number }): Promise<Locator> {
  await page.goto('/vpr/progress');
  await page.getByRole('heading', { name: 'Ход ВПР', level: 1 }).waitFor();
  const c = card(page, e);
  await c.waitFor();
  return c;
}

async function readZip(
  bytes: Buffer,
  password?: string,
): Promise<{ files: Map<string, Buffer>; encrypted: boolean[] }> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes), {
    useWebWorkers: false,
    ...(password ? { password } : {}),
  });
  const files = new Map<string, Buffer>();
  const list = await reader.getEntries();
  for (const e of list) {
    if (!e.directory) files.set(e.filename, Buffer.from(await e.getData!(new Uint8ArrayWriter())));
  }
  await reader.close();
  return { files, encrypted: list.map((e) => e.encrypted) };
}

/** Page 1 of a PDF as a PNG beside the screenshots; false when poppler's pdftoppm is not installed. */
function renderFirstPage(pdf: Buffer, name: string): boolean {
  const probe = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
  if (probe.error) return false;
  const src = path.join(clockDir, `${name}.pdf`);
  fs.writeFileSync(src, pdf);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const res = spawnSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    src,
    path.join(SCREENSHOTS, name),
  ]);
  expect(res.status).toBe(0);
  return fs.existsSync(path.join(SCREENSHOTS, `${name}.png`));
}

beforeAll(async () => {
  clockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oko-e2e-clock-'));
  clockFile = path.join(clockDir, 'clock');
  fs.writeFileSync(clockFile, new Date().toISOString());
  // the clock jumps days ahead: sessions must outlive the jumps
  server = await startServer({ CLOCK_FILE: clockFile, SESSION_TTL_HOURS: '720' });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (clockDir) fs.rmSync(clockDir, { recursive: true, force: true });
}, 30_000);

describe('материалы ВПР по часам сервера', () => {
  it('демо-кампания: фоновые задания формируют материалы всех предметов', { timeout: 300_000 }, async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await signIn(page, 'admin', DEMO_PASSWORDS.federal_admin);
      const list = await apiFromPage(page, 'GET', '/api/campaigns');
      const campaigns = (list.json as { campaigns: { id: string; title: string }[] }).campaigns;
      const demo = campaigns.find((c) => c.title.includes('демонстрационная'));
      expect(demo).toBeDefined();
      const detail = await apiFromPage(page, 'GET', `/api/campaigns/${demo!.id}`);
      const subjects = (detail.json as { subjects: Subject[] }).subjects;
      expect(subjects.length).toBeGreaterThanOrEqual(5);
      shared.campaignId = demo!.id;
      shared.subjects = subjects;

      const deadline = Date.now() + 270_000;
      for (const s of subjects) {
        for (;;) {
          const st = await apiFromPage(page, 'GET', `/api/campaigns/${demo!.id}/subjects/${s.id}/materials`);
          const status = st.json as { scheduled: number; generated: number };
          if (status.scheduled > 0 && status.generated === status.scheduled) break;
          if (Date.now() > deadline) throw new Error(`материалы «${s.name} ${s.grade}» не сформированы вовремя`);
          await sleep(2000);
        }
      }
    } finally {
      await context.close();
    }
  });

  it(
    'школа шифрованной группы: архив заранее, шифр с 07:30 местного, критерии с 14:00 МСК',
    { timeout: 180_000 },
    async () => {
      const campaignId = shared.campaignId!;
      const history = shared.subjects!.find((s) => s.code === 'ИС' && s.group === 'encrypted');
      expect(history).toBeDefined();

      const { context, page } = await newPage(browser, server.url);
      try {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
        await signIn(page, SCHOOL, DEMO_PASSWORDS.school);
        let progress = await progressOf(page, campaignId);
        const entry = progress.entries.find((e) => e.subjectId === history!.id)!;
        expect(entry).toBeDefined();
        const zone = entry.zone;
        expect(zone).toBe('Europe/Kaliningrad');
        // the rules of the procedure, computed here from the test date the API reports
        const passwordAt = localInstant(entry.testDate, '07:30', zone);
        const criteriaAt = localInstant(entry.testDate, '14:00', MOSCOW);
        const archiveAt = localInstant(addDays(entry.testDate, -3), '00:00', zone);
        expect(entry.gates.passwordFrom).toBe(passwordAt.toISOString());
        expect(entry.gates.criteriaFrom).toBe(criteriaAt.toISOString());
        expect(entry.gates.archiveFrom).toBe(archiveAt.toISOString());
        shared.history = entry;

        // the codes job runs after the archives: wait for this school's codes before opening the page
        const codesDeadline = Date.now() + 60_000;
        while (progress.codes.length === 0) {
          if (Date.now() > codesDeadline) throw new Error('коды участников не сформированы вовремя');
          await sleep(1000);
          progress = await progressOf(page, campaignId);
        }

        // the day before, at noon: the archive is there, the шифр and the criteria are counted down
        const dayBefore = localInstant(addDays(entry.testDate, -1), '12:00', zone);
        await setClock(dayBefore);
        let c = await openProgress(page, entry);
        const passwordRow = c.getByTestId('password-row');
        await passwordRow.getByRole('timer').waitFor();
        // 19 h 30 min to 07:30, less the seconds the page took to open
        expect(await passwordRow.getByRole('timer').textContent()).toMatch(
          /^Откроется через (19:30:00|19:29:[0-5]\d)$/,
        );
        expect(await passwordRow.textContent()).toContain(
          `${ruDate(entry.testDate)} 07:30 по местному времени (${hhmm(passwordAt, MOSCOW)} МСК)`,
        );
        expect(await c.getByTestId('password-show').count()).toBe(0);
        expect(await c.getByTestId('criteria-download').count()).toBe(0);
        expect(await c.getByTestId('criteria').textContent()).toContain(
          `${ruDate(entry.testDate)} ${hhmm(criteriaAt, zone)} по местному времени (14:00 МСК)`,
        );
        const early = await apiFromPage(page, 'GET', `/api/vpr/materials/${entry.subjectId}/password`);
        expect(early.status).toBe(403);

        const archive = await download(page, () => c.getByTestId('archive-download').click());
        expect(archive.suggestedFilename()).toBe(`ВПР_ИС${entry.grade}_${SCHOOL}.zip`);
        shared.archive = fs.readFileSync(await archive.path());
        await c
          .getByTestId('archive')
          .getByText(`Скачано: ${ruDate(addDays(entry.testDate, -1))} 12:0`)
          .waitFor();
        // without the password nothing comes out of the archive
        await expect(readZip(shared.archive)).rejects.toThrow();
        // the codes of the school and its paper protocol, per grade
        await page.getByTestId(`codes-${entry.grade}`).waitFor();
        const slips = await download(page, () => page.getByTestId(`codes-${entry.grade}-slips`).click());
        expect(
          fs
            .readFileSync(await slips.path())
            .subarray(0, 4)
            .toString(),
        ).toBe('%PDF');
        await screenshot(page, 'vpr-progress-day-before');

        // 07:29:59 local on the test day: the server still refuses the шифр
        await setClock(new Date(passwordAt.getTime() - seconds(1)));
        const refused = await apiFromPage(page, 'GET', `/api/vpr/materials/${entry.subjectId}/password`);
        expect(refused.status).toBe(403);
        expect((refused.json as { error: { code: string; message: string } }).error.code).toBe('NOT_YET_OPEN');
        progress = await progressOf(page, campaignId);
        expect(progress.entries.find((e) => e.subjectId === entry.subjectId)!.password.available).toBe(false);

        // a few seconds before 07:30 the page counts down, and at 07:30 it asks the server again by itself
        await setClock(new Date(passwordAt.getTime() - seconds(6)));
        c = await openProgress(page, entry);
        await passwordRow.getByRole('timer').waitFor();
        expect(await passwordRow.getByRole('timer').textContent()).toMatch(/^Откроется через 00:00:0[3-6]$/);
        expect(await c.getByTestId('password-show').count()).toBe(0);
        await screenshot(page, 'vpr-progress-password-countdown');
        await c.getByTestId('password-show').waitFor({ timeout: 20_000 });

        // exactly 07:30:00, after a reload: the button is there
        await setClock(passwordAt);
        c = await openProgress(page, entry);
        await c.getByTestId('password-show').click();
        const value = c.getByTestId('archive-password');
        await value.waitFor();
        const password = ((await value.textContent()) ?? '').trim();
        expect(password.length).toBeGreaterThanOrEqual(8);
        shared.password = password;
        await c.getByRole('button', { name: 'Скопировать' }).click();
        await c.getByText('Скопировано').waitFor();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);
        await passwordRow.getByText(`Получен: ${ruDate(entry.testDate)} 07:30`).waitFor();
        await screenshot(page, 'vpr-progress-password-shown');

        // the archive downloaded the day before opens with that password: AES, variants as PDF
        const { files, encrypted } = await readZip(shared.archive, password);
        expect(encrypted.every(Boolean)).toBe(true);
        expect([...files.keys()].sort()).toEqual(['Вариант 1.pdf', 'Вариант 2.pdf']);
        const variant = files.get('Вариант 1.pdf')!;
        expect(variant.subarray(0, 5).toString()).toBe('%PDF-');
        await expect(readZip(shared.archive, `${password}x`)).rejects.toThrow();
        // looked at by eye in the report; skipped only when poppler is absent
        renderFirstPage(variant, 'vpr-variant-1-page-1');

        // the kits printed: the ОО confirms the number
        await c.getByLabel('Сколько комплектов распечатано').fill('25');
        await c.getByRole('button', { name: 'Подтвердить' }).click();
        await c.getByTestId('kits-confirmed').getByText('Подтверждено: 25 комплектов').waitFor();

        // 13:59:59 Moscow time: no criteria; 14:00:00: downloadable
        await setClock(new Date(criteriaAt.getTime() - seconds(6)));
        c = await openProgress(page, entry);
        await c.getByTestId('criteria').getByRole('timer').waitFor();
        expect(await c.getByTestId('criteria-download').count()).toBe(0);
        await screenshot(page, 'vpr-progress-criteria-countdown');
        await setClock(new Date(criteriaAt.getTime() - seconds(1)));
        progress = await progressOf(page, campaignId);
        const before = progress.entries.find((e) => e.subjectId === entry.subjectId)!;
        expect(before.criteria.available).toBe(false);
        expect(before.criteria.fileId).toBeNull();
        await setClock(criteriaAt);
        c = await openProgress(page, entry);
        const criteria = await download(page, () => c.getByTestId('criteria-download').click());
        expect(
          fs
            .readFileSync(await criteria.path())
            .subarray(0, 5)
            .toString(),
        ).toBe('%PDF-');
        await c
          .getByTestId('criteria')
          .getByText(`Скачано: ${ruDate(entry.testDate)} ${hhmm(criteriaAt, zone)}`)
          .waitFor();
        // the checklist ticked itself: archive, шифр (before the 08:00 deadline, not late), kits, criteria
        const checklist = c.getByRole('table', { name: /^Чек-лист/ });
        const shifrRow = checklist.getByRole('row').filter({ hasText: 'Шифр к архиву получен' });
        expect(await shifrRow.textContent()).toContain(`${ruDate(entry.testDate)} 07:30`);
        expect(await shifrRow.textContent()).not.toContain('с опозданием');
        // the page asks the server again shortly after a download: the step ticks itself
        await checklist
          .getByRole('row')
          .filter({ hasText: 'Критерии оценивания скачаны' })
          .getByText(`${ruDate(entry.testDate)} ${hhmm(criteriaAt, zone)}`)
          .waitFor();
        await screenshot(page, 'vpr-progress-criteria-open');
      } finally {
        await context.close();
      }
    },
  );

  it('открытая группа 4 класса: архив за 4 дня до работы в 00:00 местного времени', { timeout: 90_000 }, async () => {
    const campaignId = shared.campaignId!;
    const { context, page } = await newPage(browser, server.url);
    try {
      await signIn(page, SCHOOL, DEMO_PASSWORDS.school);
      const progress = await progressOf(page, campaignId);
      const now = Date.parse(progress.now);
      // the grade-4 subject whose archive is still closed at this point of the rehearsal
      const entry = progress.entries
        .filter((e) => e.group === 'open' && e.grade === 4)
        .sort((a, b) => b.testDate.localeCompare(a.testDate))[0]!;
      expect(entry).toBeDefined();
      const opensAt = localInstant(addDays(entry.testDate, -4), '00:00', entry.zone);
      expect(entry.gates.archiveFrom).toBe(opensAt.toISOString());
      expect(entry.gates.passwordFrom).toBeNull();
      expect(opensAt.getTime()).toBeGreaterThan(now);

      await setClock(new Date(opensAt.getTime() - seconds(1)));
      const closed = (await progressOf(page, campaignId)).entries.find((e) => e.subjectId === entry.subjectId)!;
      expect(closed.archive.available).toBe(false);
      expect(closed.archive.fileId).toBeNull();

      await setClock(new Date(opensAt.getTime() - seconds(6)));
      const c = await openProgress(page, entry);
      const timer = c.getByTestId('archive').getByRole('timer');
      await timer.waitFor();
      expect(await timer.textContent()).toMatch(/^Откроется через 00:00:0[3-6]$/);
      expect(await c.getByTestId('archive').textContent()).toContain(
        `${ruDate(addDays(entry.testDate, -4))} 00:00 по местному времени (${hhmm(opensAt, MOSCOW)} МСК`,
      );
      expect(await c.getByTestId('password-row').count()).toBe(0);
      await screenshot(page, 'vpr-progress-open-group-countdown');
      // the countdown reaches 00:00:00 and the page fetches the opened archive by itself
      await c.getByTestId('archive-download').waitFor({ timeout: 20_000 });
      const archive = await download(page, () => c.getByTestId('archive-download').click());
      const { files, encrypted } = await readZip(fs.readFileSync(await archive.path()));
      expect(encrypted.some(Boolean)).toBe(false);
      expect([...files.keys()]).toContain('Критерии оценивания.pdf');
      await screenshot(page, 'vpr-progress-open-group-open');
    } finally {
      await context.close();
    }
  });

  it('координатор видит, кто скачал архив и получил шифр', { timeout: 90_000 }, async () => {
    const campaignId = shared.campaignId!;
    const entry = shared.history!;
    const { context, page } = await newPage(browser, server.url);
    try {
      await signIn(page, 'reg390000', DEMO_PASSWORDS.region_coordinator);
      await page
        .getByRole('navigation', { name: 'Разделы кабинета' })
        .getByRole('link', { name: 'Кампании ВПР', exact: true })
        .click();
      await page.getByRole('heading', { name: 'Кампании ВПР', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Получение материалов' }).first().click();
      await page.waitForURL(`**/vpr/campaigns/${campaignId}/tracking`);
      const subject = shared.subjects!.find((s) => s.id === entry.subjectId)!;
      await page
        .getByLabel('Предмет', { exact: true })
        .selectOption({ label: `${subject.name}, ${subject.grade} класс (${subject.code})` });
      const row = page.getByTestId(`tracking-row-${SCHOOL}`);
      await row
        .getByTestId('password-cell')
        .getByText(`${ruDate(entry.testDate)}, 07:30`)
        .waitFor();
      expect(await row.getByTestId('archive-cell').textContent()).toContain(
        `${ruDate(addDays(entry.testDate, -1))}, 12:0`,
      );
      const criteriaAt = new Date(entry.gates.criteriaFrom);
      expect(await row.getByTestId('criteria-cell').textContent()).toContain(
        `${ruDate(entry.testDate)}, ${hhmm(criteriaAt, entry.zone)}`,
      );
      expect(Number(await page.getByTestId('tracking-archiveDownloaded').textContent())).toBeGreaterThanOrEqual(1);
      expect(Number(await page.getByTestId('tracking-passwordOpened').textContent())).toBeGreaterThanOrEqual(1);
      await screenshot(page, 'vpr-tracking');

      // «не получили шифр»: the school that opened it is not in the list
      await page.getByLabel('Показать', { exact: true }).selectOption({ label: 'Не получили шифр' });
      await page.getByTestId(`tracking-row-${SCHOOL}`).waitFor({ state: 'detached' });
      await page.getByRole('table', { name: 'Получение материалов по ОО' }).getByText('sch390002').waitFor();

      await page.getByRole('button', { name: 'Отчет' }).click();
      await page.locator('.vpr-toast').getByText('придёт в уведомления').waitFor();
      await screenshot(page, 'vpr-tracking-report');

      // the plan-schedule of the region for the same subject
      await page
        .getByRole('navigation', { name: 'Разделы кампании' })
        .getByRole('link', { name: 'План-график' })
        .click();
      await page.waitForURL(`**/vpr/campaigns/${campaignId}/schedule`);
      await page
        .getByLabel('Предмет', { exact: true })
        .selectOption({ label: `${subject.name}, ${subject.grade} класс (${subject.code})` });
      const plan = page.getByRole('table', { name: 'План-график по ОО' });
      await plan.getByRole('row').filter({ hasText: SCHOOL }).getByText(ruDate(entry.testDate)).waitFor();
      expect(await plan.getByText('sch250001').count()).toBe(0); // another region
      // every ОО of the region already has its date: «по заявкам» finds nobody new
      expect(await plan.getByText('не назначена').count()).toBe(0);
      await page.getByLabel('Дата проведения', { exact: true }).fill(entry.testDate);
      await page.getByRole('button', { name: 'Назначить дату по заявкам' }).click();
      await page.getByText('Новых ОО без даты не нашлось').waitFor();
      await page.getByLabel('Поиск (логин или название ОО)').fill('390002');
      await plan.getByRole('row').filter({ hasText: SCHOOL }).waitFor({ state: 'detached' });
      expect(await plan.getByRole('row').count()).toBe(2);
      await screenshot(page, 'vpr-schedule');
    } finally {
      await context.close();
    }
  });

  it('школа во Владивостоке видит сроки по своему времени и по Москве', { timeout: 60_000 }, async () => {
    const entry = shared.history!;
    const { context, page } = await newPage(browser, server.url);
    try {
      await signIn(page, 'sch250001', DEMO_PASSWORDS.school);
      const progress = await progressOf(page, shared.campaignId!);
      const mine = progress.entries.find((e) => e.subjectId === entry.subjectId)!;
      expect(mine.zone).toBe('Asia/Vladivostok');
      const passwordAt = localInstant(mine.testDate, '07:30', mine.zone);
      expect(mine.gates.passwordFrom).toBe(passwordAt.toISOString());
      // the day before in Vladivostok: the шифр is counted down; 07:30 there is 00:30 in Moscow, the same day
      await setClock(localInstant(addDays(mine.testDate, -1), '12:00', mine.zone));
      const c = await openProgress(page, mine);
      await c.getByTestId('password-row').getByRole('timer').waitFor();
      expect(await c.getByTestId('password-row').textContent()).toContain(
        `${ruDate(mine.testDate)} 07:30 по местному времени (${hhmm(passwordAt, MOSCOW)} МСК)`,
      );
      await page.getByText('(МСК+7)').first().waitFor();
      await screenshot(page, 'vpr-progress-vladivostok');
    } finally {
      await context.close();
    }
  });

  it(
    'федеральный уровень: предметы и задания, структура с ошибкой, формирование, новая кампания',
    { timeout: 120_000 },
    async () => {
      const campaignId = shared.campaignId!;
      const { context, page } = await newPage(browser, server.url);
      try {
        await signIn(page, 'admin', DEMO_PASSWORDS.federal_admin);
        await page.goto('/vpr/campaigns');
        await page.getByRole('heading', { name: 'Кампании ВПР', level: 1 }).waitFor();
        await page.getByRole('table', { name: 'Кампании ВПР' }).waitFor();
        await screenshot(page, 'vpr-campaigns');

        await page.getByRole('link', { name: /демонстрационная/ }).click();
        await page.waitForURL(`**/vpr/campaigns/${campaignId}`);
        const subjects = page.getByRole('table', { name: 'Предметы кампании' });
        await subjects.waitFor();
        const historyRow = subjects
          .getByRole('row')
          .filter({ hasText: 'История' })
          .filter({ hasText: 'шифрованная' })
          .first();
        await historyRow.getByRole('button', { name: 'Задания' }).click();
        const tasks = page.getByRole('table', { name: /^Задания: История/ });
        await tasks.getByText('1 (1б)', { exact: true }).waitFor();
        await tasks.getByText('Б — базовый').first().waitFor();
        await page.getByText('Загрузка: состояние материалов').first().waitFor({ state: 'detached' });
        await screenshot(page, 'vpr-campaign');

        // a structure with an impossible grade is refused whole, the cell named
        const file = await download(page, () => page.getByTestId('structure-download').click());
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(fs.readFileSync(await file.path()) as unknown as ArrayBuffer);
        const ws = wb.getWorksheet('Предметы')!;
        let headerRow = 0;
        let gradeCol = 0;
        for (let r = 1; r <= 10 && !headerRow; r++) {
          ws.getRow(r).eachCell((cell, col) => {
            if (String(cell.value ?? '') === 'Класс') {
              headerRow = r;
              gradeCol = col;
            }
          });
        }
        expect(headerRow).toBeGreaterThan(0);
        ws.getRow(headerRow + 1).getCell(gradeCol).value = 13;
        const broken = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
        await page
          .getByTestId('structure-upload')
          .setInputFiles({ name: 'структура.xlsx', mimeType: XLSX, buffer: broken });
        const refusal = page.getByRole('alert').filter({ hasText: 'не принят' });
        await refusal.waitFor();
        expect(await refusal.textContent()).toContain('лист «Предметы»');
        expect(await refusal.textContent()).toContain(`строка ${headerRow + 1}`);
        expect(await refusal.textContent()).toContain('столбец «Класс»');
        const after = await apiFromPage(page, 'GET', `/api/campaigns/${campaignId}`);
        expect((after.json as { subjects: Subject[] }).subjects.map((s) => s.grade).sort()).toEqual(
          shared.subjects!.map((s) => s.grade).sort(),
        );
        await refusal.scrollIntoViewIfNeeded();
        await screenshot(page, 'vpr-campaign-structure-refused', { fullPage: false });

        // «Сформировать материалы» for a subject whose ОО all have them: the job runs and reports N из N
        const math = shared.subjects!.find((s) => s.grade === 4 && s.code === 'МА') ?? shared.subjects![0]!;
        const box = page.getByTestId(`materials-${math.code}${math.grade}`);
        await box.getByRole('button', { name: 'Сформировать материалы' }).click();
        await box
          .getByTestId('job-bar')
          .getByText(/^Готово: (\d+) из \1 ОО\.$/)
          .waitFor({ timeout: 30_000 });
        await box.scrollIntoViewIfNeeded();
        await screenshot(page, 'vpr-campaign-generated', { fullPage: false });

        // a new campaign: the window is checked, then the campaign opens empty
        await page.goto('/vpr/campaigns');
        await page.getByLabel('Название', { exact: true }).fill('ВПР 2028 (проверка)');
        await page.getByLabel('Код', { exact: true }).fill('vpr-2028-e2e');
        await page.getByLabel('Начало окна проведения').fill('2028-04-20');
        await page.getByLabel('Окончание окна проведения').fill('2028-04-01');
        await page.getByRole('button', { name: 'Создать кампанию' }).click();
        await page.getByText('Окончание окна проведения не может быть раньше его начала').first().waitFor();
        await screenshot(page, 'vpr-campaign-new-invalid');
        await page.getByLabel('Окончание окна проведения').fill('2028-05-20');
        await page.getByRole('button', { name: 'Создать кампанию' }).click();
        await page.getByRole('heading', { name: 'ВПР 2028 (проверка)', level: 1 }).waitFor();
        await page.getByText('Предметов пока нет').waitFor();
        await screenshot(page, 'vpr-campaign-new');
      } finally {
        await context.close();
      }
    },
  );
});
