import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndividualRow, ReportSubject } from '@oko/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndividualXlsx } from './individual-xlsx.ts';

const SUBJECT: ReportSubject = {
  code: 'РУ',
  name: 'Русский язык',
  grade: 4,
  year: 2026,
  maxScore: 5,
  scale3: 2,
  scale4: 3,
  scale5: 4,
  tasks: [
    { number: '1', maxScore: 1, difficulty: 'Б', plannedResult: 'а' },
    { number: '2', maxScore: 2, difficulty: 'П', plannedResult: 'б' },
    { number: '3.1', maxScore: 2, difficulty: 'Б', plannedResult: 'в' },
  ],
};

const first = { orgLogin: 'sch390001', municipality: 'Калининград', orgName: 'Школа № 1' };
const second = { orgLogin: 'sch390002', municipality: 'Балтийск', orgName: '=Школа № 2' };
const pupil = (org: typeof first, code: string, v: Partial<IndividualRow> = {}): IndividualRow => ({
  ...org,
  code,
  classNo: 1,
  variant: 2,
  scores: [1, 2, 0],
  total: 3,
  mark: 4,
  journal: 4,
  ...v,
});

const SCHOOL1 = [
  pupil(first, '10001'),
  pupil(first, '10002', { scores: [null, -1, 2], total: 2, mark: 3, journal: null, classNo: 2 }),
  pupil(first, '10003', { variant: null, scores: null, total: null, mark: null, journal: 5 }),
];
const SCHOOL2 = [pupil(second, '20001', { variant: 1, scores: [1, 2, 2], total: 5, mark: 5, journal: 5 })];

let dir: string;
let ws: ExcelJS.Worksheet;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'oko-individual-'));
  const path = join(dir, 'individual.xlsx');
  const writer = await openIndividualXlsx(path, SUBJECT, {
    date: '20.04.2026',
    computedAt: new Date('2026-04-20T09:30:00Z'),
  });
  await writer.addSchool({ name: 'Школа № 1', login: 'sch390001' }, SCHOOL1);
  await writer.addSchool({ name: '=Школа № 2', login: 'sch390002' }, SCHOOL2);
  await writer.finish();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  ws = wb.worksheets[0]!;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const values = (r: number, width = 15) =>
  Array.from({ length: width }, (_, c) => ws.getRow(r).getCell(c + 1).value ?? null);

describe('openIndividualXlsx', () => {
  it('writes the title rows, the difficulty row and the header', () => {
    expect(ws.name).toBe('РУ 4 Индивидуальные результаты');
    expect(ws.getCell('A1').value).toBe('Индивидуальные результаты');
    expect(ws.getCell('A3').value).toBe('ВПР 2026 Русский язык 4 класс');
    expect(values(4, 2)).toEqual(['Предмет:', 'Русский язык']);
    expect(values(5, 2)).toEqual(['Максимальный первичный балл:', 5]);
    expect(values(6, 4)).toEqual(['Дата:', '20.04.2026', 'Данные рассчитаны:', '20.04.2026 12:30 МСК']);
    expect(values(7)).toEqual([null, null, null, null, null, null, 'Б', 'П', 'Б', null, null, null, null, null, null]);
    expect(values(8)).toEqual([
      'ОО',
      'Муниципалитет',
      'Название ОО',
      'Код участника',
      'Класс',
      'Вариант',
      '1 (1б)',
      '2 (2б)',
      '3.1 (2б)',
      'Первичный балл',
      'Отметка',
      'Отметка по журналу',
      null,
      null,
      null,
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 8 });
  });

  it('starts each school with a bold group row, then its pupils cell by cell', () => {
    const empty = [null, null, null];
    expect(values(9)).toEqual(['Школа № 1(sch390001)', 'Кол-во участников: 2', ...Array(13).fill(null)]);
    expect(ws.getCell('A9').font?.bold).toBe(true);
    expect(values(10)).toEqual(['sch390001', 'Калининград', 'Школа № 1', '10001', 1, 2, 1, 2, 0, 3, 4, 4, ...empty]);
    expect(values(11)).toEqual([
      'sch390001',
      'Калининград',
      'Школа № 1',
      '10002',
      2,
      2,
      'X',
      'X',
      2,
      2,
      3,
      'нет отметки',
      ...empty,
    ]);
    expect(values(12)).toEqual([
      'sch390001',
      'Калининград',
      'Школа № 1',
      '10003',
      1,
      'отсутствовал',
      null,
      null,
      null,
      null,
      null,
      5,
      ...empty,
    ]);
    expect(ws.getCell('A10').font?.bold).toBeFalsy();
    expect(values(13)).toEqual(["'=Школа № 2(sch390002)", 'Кол-во участников: 1', ...Array(13).fill(null)]);
    expect(values(14)).toEqual(['sch390002', 'Балтийск', "'=Школа № 2", '20001', 1, 1, 1, 2, 2, 5, 5, 5, ...empty]);
    expect(ws.rowCount).toBe(14);
  });
});
