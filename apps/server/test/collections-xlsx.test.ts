import { BlobWriter, TextReader, Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAddress, dataColumnIndex, type CollectionView, type FormIssues, type SubmitResult } from '@oko/shared';
import { OO_QUESTIONNAIRE_TEMPLATE as T } from '../src/collections/templates/oo-questionnaire.ts';
import { SPO_PARTICIPANTS_TEMPLATE } from '../src/collections/templates/spo-participants.ts';
import { sampleQuestionnaireData, sampleSpoData } from '../src/demo/seed-collections.ts';
import { writeFormXlsx } from '../src/forms/form-xlsx-writer.ts';
import { startHarness, type Client, type Harness } from './harness.ts';
import { as, collectionWorld, entrySnapshot, put, upload, type CollectionWorld } from './collections-support.ts';

let h: Harness;
let w: CollectionWorld;
let s1: Client;
let s2: Client;

beforeAll(async () => {
  h = await startHarness();
  w = await collectionWorld(h);
  s1 = await as(h, w.users.s1.login);
  s2 = await as(h, w.users.s2.login);
});
afterAll(() => h.close());

const download = async (c: Client) => {
  const res = await c.get(`/api/collections/${w.collectionId}/xlsx`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res;
};
const load = async (bytes: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
};
const save = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
const view = async (c: Client) => (await c.get(`/api/collections/${w.collectionId}`)).json() as CollectionView;
/** The A1 address of a template column in data row `i` (0-based) of a sheet. */
const at = (sheetKey: string, column: string, i: number) =>
  cellAddress(
    dataColumnIndex(
      T.sheets.find((s) => s.key === sheetKey)!,
      column,
    ),
    2 + i,
  );

describe('the XLSX face', () => {
  it('downloads the form with the ОО data under a Cyrillic name; the same file uploaded back is a submission', async () => {
    const saved = await put(s1, w.collectionId, sampleQuestionnaireData(4), 0);
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await download(s1);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`Анкета ОО, контекстные данные — ${w.users.s1.login}.xlsx`)}`,
    );
    const wb = await load(res.rawPayload);
    const general = wb.getWorksheet('Общие сведения')!;
    expect(general.getCell(at('general', 'students', 0)).value).toBe(548);
    expect(general.getCell(at('general', 'login', 0)).value).toBe(w.users.s1.login);

    const before = await view(s1);
    const up = await upload(s1, w.collectionId, res.rawPayload);
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toEqual({
      number: 1,
      submittedAt: '2026-11-20T06:00:00.000Z',
      version: 2,
    } satisfies SubmitResult);
    const after = await view(s1);
    expect(after.entry!.data).toEqual(before.entry!.data);
    expect(after.entry).toMatchObject({ version: 2, submissions: 1, submittedAt: '2026-11-20T06:00:00.000Z' });
    const { submissions } = await entrySnapshot(h, w.collectionId, w.s1.id);
    expect(submissions.map((s) => [s.number, s.source])).toEqual([[1, 'xlsx']]);
    // an editor still on the old version learns of the upload instead of overwriting it
    expect((await put(s1, w.collectionId, sampleQuestionnaireData(4), 1)).statusCode).toBe(409);
  });

  it('a blank downloaded before starting, filled in Excel, is accepted; the forged read-only cells are not', async () => {
    const s3 = await as(h, w.users.s3.login);
    const wb = await load((await download(s3)).rawPayload);
    const general = wb.getWorksheet('Общие сведения')!;
    const fill: [string, string | number][] = [
      ['settlement', 'Посёлок городского типа'],
      ['students', 230],
      ['teachersStaff', 20],
      ['teachersPart', 0],
      ['topCategoryShare', 12.5],
      ['internet', 'да'],
      ['computers', 15],
    ];
    for (const [col, v] of fill) general.getCell(at('general', col, 0)).value = v;
    general.getCell(at('general', 'login', 0)).value = 'sch000000';
    const grades = wb.getWorksheet('Параллели')!;
    for (let i = 0; i < 8; i++) {
      grades.getCell(at('grades', 'classes', i)).value = 1;
      grades.getCell(at('grades', 'students', i)).value = String(20 + i); // numbers stored as text
    }
    const teachers = wb.getWorksheet('Учителя')!;
    teachers.getCell(at('teachers', 'subject', 0)).value = 'Математика';
    teachers.getCell(at('teachers', 'experience', 0)).value = 7;
    teachers.getCell(at('teachers', 'category', 0)).value = 'Первая';
    const res = await upload(s3, w.collectionId, await save(wb));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ number: 1, version: 1 });
    const data = (await view(s3)).entry!.data;
    expect(data.general![0]).toMatchObject({
      login: w.users.s3.login,
      internet: 'Да',
      teachersTotal: 20,
      topCategoryShare: 12.5,
    });
    expect(data.grades!.map((r) => r.students)).toEqual([20, 21, 22, 23, 24, 25, 26, 27]);
    expect(data.teachers).toEqual([{ subject: 'Математика', experience: 7, category: 'Первая' }]);
  });
});

describe('a bad upload is refused in Russian, naming the place, and changes nothing', () => {
  let good: Buffer;
  beforeAll(async () => {
    const saved = await put(s2, w.collectionId, sampleQuestionnaireData(8), 0);
    expect(saved.statusCode).toBe(200);
    good = (await download(s2)).rawPayload;
  });

  async function refused(bytes: Buffer, filename?: string): Promise<FormIssues['error']> {
    const before = await entrySnapshot(h, w.collectionId, w.s2.id);
    const res = await upload(s2, w.collectionId, bytes, filename);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(400);
    const body = res.json() as FormIssues;
    expect(body.error.code).toBe('FORM_INVALID');
    expect(body.error.message).toMatch(/[А-Яа-яЁё]/);
    expect(await entrySnapshot(h, w.collectionId, w.s2.id)).toEqual(before);
    return body.error;
  }
  const edited = async (change: (wb: ExcelJS.Workbook) => void) => {
    const wb = await load(good);
    change(wb);
    return save(wb);
  };

  it('the file of another form', async () => {
    const other = await writeFormXlsx(SPO_PARTICIPANTS_TEMPLATE, sampleSpoData());
    const err = await refused(other);
    // the book says which form it is: the message names it instead of listing missing sheets
    expect(err.message).toMatch(/Это файл другой формы: «Сведения об участниках ВПР СПО \(1 курс\)»/);
    expect(err.issues).toEqual([]);
  });

  it('a foreign book without the form mark: missing sheets, each named', async () => {
    const other = await writeFormXlsx(SPO_PARTICIPANTS_TEMPLATE, sampleSpoData());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(other as unknown as ArrayBuffer);
    wb.keywords = '';
    const err = await refused(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(err.issues.map((i) => i.sheet)).toEqual(expect.arrayContaining(['Общие сведения', 'Параллели', 'Учителя']));
    expect(err.issues[0]!.message).toMatch(/Нет листа «Общие сведения»/);
  });

  it('a missing sheet', async () => {
    const err = await refused(await edited((wb) => wb.removeWorksheet(wb.getWorksheet('Учителя')!.id)));
    expect(err.issues).toEqual([
      expect.objectContaining({ sheet: 'Учителя', message: expect.stringMatching(/Нет листа/) }),
    ]);
  });

  it('a renamed sheet', async () => {
    const err = await refused(await edited((wb) => (wb.getWorksheet('Параллели')!.name = 'параллели ')));
    expect(err.issues[0]).toMatchObject({ sheet: 'Параллели' });
    expect(err.issues[0]!.message).toMatch(/верните листу прежнее имя/);
  });

  it('moved columns', async () => {
    const err = await refused(
      await edited((wb) => {
        const ws = wb.getWorksheet('Параллели')!;
        ws.spliceColumns(2, 0, []); // everything from «Классов» one column to the right
      }),
    );
    expect(err.issues[0]).toMatchObject({ sheet: 'Параллели', row: 1, column: 'Классов', cell: 'B1' });
    expect(err.issues[0]!.message).toMatch(/верните столбцы в порядок бланка/);
  });

  it('a formula in a data cell', async () => {
    const cell = at('general', 'computers', 0);
    const err = await refused(
      await edited((wb) => {
        wb.getWorksheet('Общие сведения')!.getCell(cell).value = { formula: '1+1', result: 2 };
      }),
    );
    expect(err.issues).toEqual([
      expect.objectContaining({ sheet: 'Общие сведения', row: 2, cell, column: 'Компьютеров для обучающихся' }),
    ]);
    expect(err.issues[0]!.message).toMatch(/формула/);
  });

  it('a value out of the rules names its cell', async () => {
    const cell = at('grades', 'disabled', 1);
    const err = await refused(
      await edited((wb) => {
        wb.getWorksheet('Параллели')!.getCell(cell).value = 1000;
      }),
    );
    expect(err.issues).toEqual([expect.objectContaining({ sheet: 'Параллели', row: 3, cell, column: 'Из них с ОВЗ' })]);
  });

  it('a CSV renamed to .xlsx, an empty file, an old .xls renamed', async () => {
    const csv = await refused(Buffer.from('Логин;Число обучающихся\nsch390002;800\n', 'utf8'), 'форма.xlsx');
    expect(csv.message).toMatch(/текстовый файл/);
    expect((await refused(Buffer.alloc(0))).message).toMatch(/пуст/);
    // .xls is an OLE compound document, not a ZIP
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect((await refused(ole, 'старый.xlsx')).message).toMatch(/\.xls/);
  });

  it('a ZIP bomb', async () => {
    const zip = new ZipWriter(new BlobWriter());
    await zip.add('[Content_Types].xml', new TextReader('<Types/>'));
    await zip.add('xl/workbook.xml', new TextReader('<workbook/>'));
    await zip.add('xl/worksheets/sheet1.xml', new Uint8ArrayReader(new Uint8Array(60 * 1024 * 1024)), { level: 9 });
    const bomb = Buffer.from(await (await zip.close()).arrayBuffer());
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await refused(bomb)).message).toMatch(/ZIP-бомб/);
  });

  it('a file over the size limit is refused before it is read', async () => {
    const before = await entrySnapshot(h, w.collectionId, w.s2.id);
    const res = await upload(s2, w.collectionId, Buffer.alloc(21 * 1024 * 1024, 1));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/МБ/);
    expect(await entrySnapshot(h, w.collectionId, w.s2.id)).toEqual(before);
  });

  it('a request without a file', async () => {
    const res = await s2.post(`/api/collections/${w.collectionId}/xlsx`, { file: 'нет' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/multipart/);
  });

  it('an upload after the close', async () => {
    await h.db
      .updateTable('collections')
      .set({ closes_at: new Date('2026-11-20T06:00:00Z') })
      .where('id', '=', w.collectionId)
      .execute();
    const before = await entrySnapshot(h, w.collectionId, w.s2.id);
    const res = await upload(s2, w.collectionId, good);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/^Сбор данных закрыт/);
    expect(await entrySnapshot(h, w.collectionId, w.s2.id)).toEqual(before);
  });
});
