import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bank, CampaignDetail, Subject } from '@oko/shared';
import { TEST_PASSWORD } from './factories.ts';
import { signedIn, startHarness, type Client, type Harness } from './harness.ts';
import { download, upload } from './registration-support.ts';
import {
  createCampaign,
  dataRows,
  editBook,
  generateMaterials,
  HISTORY_5,
  issuesOf,
  loadBook,
  MATH_4,
  putRow,
} from './campaigns-support.ts';

let h: Harness;
let fed: Client;
let reg39: Client;
let campaign: CampaignDetail;
let history: Subject;
let math: Subject;

const base = (s: Subject, c = campaign) => `/api/campaigns/${c.id}/subjects/${s.id}/bank`;
const bankOf = async (s: Subject) => (await fed.get(base(s))).json() as Bank;
const items = (b: Bank) => b.positions.flatMap((p) => p.items.map((i) => `${p.number}/${i.itemNo}: ${i.text}`));

beforeAll(async () => {
  h = await startHarness();
  fed = await signedIn(h.app, (await h.factory.federal()).login, TEST_PASSWORD);
  reg39 = await signedIn(h.app, (await h.factory.regionCoordinator('39')).login, TEST_PASSWORD);
  const made = await createCampaign(fed, 'vpr-bank', [HISTORY_5, MATH_4]);
  campaign = made.campaign;
  history = made.subjects[0]!;
  math = made.subjects[1]!;
});
afterAll(() => h.close());

describe('task bank', () => {
  it('starts empty: every task of the subject, no items', async () => {
    const bank = await bankOf(history);
    expect(bank).toMatchObject({ subjectCode: 'ИС', grade: 5, locked: false });
    expect(bank.positions.map((p) => p.header)).toEqual(['1 (2б)', '2 (3б)', '3 (3б)', '4К1 (2б)', '4К2 (3б)']);
    expect(bank.positions.every((p) => p.items.length === 0)).toBe(true);
  });

  it('offers one row to fill per task and takes the filled file back', async () => {
    const bytes = await download(fed, `${base(history)}.xlsx`);
    const wb = await loadBook(bytes);
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['Инструкция', 'Банк заданий']);
    expect(dataRows(wb, 'Банк заданий', 5)).toEqual([
      ['1', 1, null, null, null],
      ['2', 1, null, null, null],
      ['3', 1, null, null, null],
      ['4К1', 1, null, null, null],
      ['4К2', 1, null, null, null],
    ]);
    const filled = await editBook(bytes, (book) => {
      const ws = book.getWorksheet('Банк заданий')!;
      ws.getCell('C2').value = 'Расположите события\nв хронологическом порядке';
      ws.getCell('D2').value = '231';
      putRow(ws, 3, ['1', 2, 'Какое событие произошло раньше?', 'Б', 'Верный ответ — 2 балла']);
      ws.getCell('C4').value = 'Работа с картой'; // task 3 (row 3 now holds task 1, item 2)
      putRow(ws, 7, ['4K1', 1, 'Опишите памятник культуры', '', 'К1: 2 балла']); // Latin K, as typed
    });
    const res = await upload(fed, base(history), filled);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ tasks: 3, items: 4 });

    const bank = await bankOf(history);
    expect(items(bank)).toEqual([
      '1/1: Расположите события\nв хронологическом порядке',
      '1/2: Какое событие произошло раньше?',
      '3/1: Работа с картой',
      '4К1/1: Опишите памятник культуры',
    ]);
    expect(bank.positions[0]!.items[1]).toEqual({
      itemNo: 2,
      text: 'Какое событие произошло раньше?',
      answer: 'Б',
      criteria: 'Верный ответ — 2 балла',
      hasImage: false,
    });

    // the file downloaded now shows the items, and a task without items keeps its placeholder
    const again = dataRows(await loadBook(await download(fed, `${base(history)}.xlsx`)), 'Банк заданий', 3);
    expect(again.map((r) => `${String(r[0])}/${String(r[1])}`)).toEqual(['1/1', '1/2', '2/1', '3/1', '4К1/1', '4К2/1']);
  });

  it('refuses unknown tasks, gaps, repeats and a missing text, naming each cell and keeping the bank', async () => {
    const before = await bankOf(history);
    const bytes = await download(fed, `${base(history)}.xlsx`);
    const bad = await editBook(bytes, (book) => {
      const ws = book.getWorksheet('Банк заданий')!;
      ws.getCell('B3').value = 3; // task 1: items 1, 3
      putRow(ws, 8, ['7', 1, 'Задания 7 нет', '', '']);
      putRow(ws, 9, ['3', 1, 'Повтор варианта 1', '', '']);
      putRow(ws, 10, ['2', 1, '', 'ответ без текста', '']);
    });
    const issues = issuesOf(await upload(fed, base(history), bad));
    expect(issues).toEqual([
      {
        sheet: 'Банк заданий',
        cell: 'B3',
        message: 'У задания «1» нет варианта № 2: варианты нумеруются подряд с 1 (в файле «1», «3»)',
      },
      {
        sheet: 'Банк заданий',
        cell: 'A8',
        message: 'Задания «7» нет в структуре предмета. Номера заданий: «1», «2», «3», «4К1», «4К2»',
      },
      { sheet: 'Банк заданий', cell: 'B9', message: 'Вариант № 1 задания «3» уже указан в строке 5' },
      { sheet: 'Банк заданий', cell: 'C10', message: 'Текст задания обязателен' },
    ]);
    expect(await bankOf(history)).toEqual(before);
  });

  it('replaces the whole bank: rows left out are gone', async () => {
    const bytes = await download(fed, `${base(history)}.xlsx`);
    const fewer = await editBook(bytes, (book) => {
      const ws = book.getWorksheet('Банк заданий')!;
      ws.getCell('C3').value = null; // the second item of task 1 becomes a placeholder row
      ws.getCell('D3').value = null;
      ws.getCell('E3').value = null;
    });
    const res = await upload(fed, base(history), fewer);
    expect(res.json()).toEqual({ tasks: 3, items: 3 });
    expect(items(await bankOf(history))).not.toContain('1/2: Какое событие произошло раньше?');
  });

  it('answers 404 for a subject of another campaign and 403 below the federal level', async () => {
    const other = await createCampaign(fed, 'vpr-bank-other', []);
    expect((await fed.get(base(history, other.campaign))).statusCode).toBe(404);
    expect((await reg39.get(base(history))).statusCode).toBe(403);
    expect((await reg39.get(`${base(history)}.xlsx`)).statusCode).toBe(403);
  });

  it('is frozen once materials of the subject exist', async () => {
    const bytes = await download(fed, `${base(math)}.xlsx`);
    const org = await h.factory.org({ regionCode: '39' });
    await generateMaterials(h, math.id, org.id);
    const filled = await editBook(bytes, (book) => {
      book.getWorksheet('Банк заданий')!.getCell('C2').value = 'Вычислите';
    });
    const res = await upload(fed, base(math), filled);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      'По предмету МА, 4 класс уже сформированы материалы (ОО: 1): банк заданий изменить нельзя',
    );
    const bank = await bankOf(math);
    expect(bank.locked).toBe(true);
    expect(bank.positions.flatMap((p) => p.items)).toEqual([]);
  });
});
