import { describe, expect, it } from 'vitest';
import {
  buildIndividualReport,
  individualCells,
  individualDifficultyRow,
  individualGroupCells,
  individualHeader,
  type IndividualRow,
} from './index.ts';
import { META, SUBJECT } from './reports.fixture.ts';

const base = { orgLogin: 'sch390001', municipality: 'Калининград', orgName: 'Школа № 1' };
const wrote: IndividualRow = {
  ...base,
  code: '10001',
  classNo: 2,
  variant: 1,
  scores: [1, 2, null, -1, 3, 0, 1, 2],
  total: 9,
  mark: 4,
  journal: 5,
};
const noJournal: IndividualRow = { ...wrote, code: '10002', journal: null };
const absent: IndividualRow = {
  ...base,
  code: '10003',
  classNo: 1,
  variant: null,
  scores: null,
  total: null,
  mark: null,
  journal: 3,
};

describe('Индивидуальные результаты', () => {
  it('has the header of the real report with a column per task and the difficulty above each', () => {
    expect(individualHeader(SUBJECT)).toEqual([
      'ОО',
      'Муниципалитет',
      'Название ОО',
      'Код участника',
      'Класс',
      'Вариант',
      '1 (1б)',
      '2 (2б)',
      '3.1 (1б)',
      '3.2 (2б)',
      '4 (3б)',
      '5 (1б)',
      '6 (2б)',
      '7 (2б)',
      'Первичный балл',
      'Отметка',
      'Отметка по журналу',
    ]);
    expect(individualDifficultyRow(SUBJECT)).toEqual([
      ...[null, null, null, null, null, null],
      ...['Б', 'Б', 'Б', 'П', 'Б', 'П', 'В', 'П'],
      ...[null, null, null],
    ]);
  });

  it('shows X for a task not attempted, whether stored as null or -1', () => {
    expect(individualCells(wrote, 8)).toEqual([
      'sch390001',
      'Калининград',
      'Школа № 1',
      '10001',
      2,
      1,
      1,
      2,
      'X',
      'X',
      3,
      0,
      1,
      2,
      9,
      4,
      5,
    ]);
    expect(individualCells(noJournal, 8).at(-1)).toBe('нет отметки');
  });

  it('marks an absent pupil «отсутствовал» with no scores, total or mark', () => {
    expect(individualCells(absent, 8)).toEqual([
      'sch390001',
      'Калининград',
      'Школа № 1',
      '10003',
      1,
      'отсутствовал',
      ...Array.from({ length: 8 }, () => null),
      null,
      null,
      3,
    ]);
  });

  it('starts each school with its group row counting those who wrote the work', () => {
    const table = buildIndividualReport(
      SUBJECT,
      [
        { school: { name: 'Школа № 1', login: 'sch390001' }, rows: [wrote, noJournal, absent] },
        { school: { name: 'Школа № 2', login: 'sch390002' }, rows: [{ ...wrote, orgLogin: 'sch390002' }] },
      ],
      META,
    );
    expect(table.sheetName).toBe('РУ 4 Индивидуальные результаты');
    expect(table.difficultyRow).toEqual(individualDifficultyRow(SUBJECT));
    expect(table.rows.map((r) => [r.kind, r.cells[0], r.cells[1]])).toEqual([
      ['group', 'Школа № 1(sch390001)', 'Кол-во участников: 2'],
      ['data', 'sch390001', 'Калининград'],
      ['data', 'sch390001', 'Калининград'],
      ['data', 'sch390001', 'Калининград'],
      ['group', 'Школа № 2(sch390002)', 'Кол-во участников: 1'],
      ['data', 'sch390002', 'Калининград'],
    ]);
    expect(table.rows.every((r) => r.cells.length === 17)).toBe(true);
    expect(table.chart).toBeNull();
    expect(table.percentColumns).toEqual([]);
    expect(individualGroupCells({ name: 'А', login: 'b' }, 0, 2)).toEqual(['А(b)', 'Кол-во участников: 0']);
  });
});
