import { buildLevelReport, emptyAggregate, type LevelRow, type ReportSubject, type ReportTable } from '@oko/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeReportXlsx } from './report-xlsx.ts';

const SUBJECT: ReportSubject = {
  code: 'МА',
  name: 'Математика',
  grade: 5,
  year: 2026,
  maxScore: 6,
  scale3: 2,
  scale4: 4,
  scale5: 5,
  tasks: [
    { number: '1', maxScore: 1, difficulty: 'Б', plannedResult: 'Выполнять арифметические действия' },
    { number: '2', maxScore: 2, difficulty: 'П', plannedResult: '=HYPERLINK("http://evil","решать задачи")' },
    { number: '3', maxScore: 3, difficulty: 'В', plannedResult: 'Решать задачи в несколько действий' },
  ],
};

function level(kind: LevelRow['kind'], label: string, participants: number, k: number): LevelRow {
  const agg = emptyAggregate(3, 6);
  agg.orgs = k;
  agg.participants = participants;
  agg.marks = [1 * k, 3 * k, 2 * k, participants - 6 * k];
  agg.journal = { lower: k, same: 2 * k, higher: 1 };
  agg.histogram = [0, k, k, 2 * k, k, k, participants - 6 * k];
  agg.taskPoints = [participants - 1, participants, 2 * participants - k];
  agg.taskPointsByMark = [
    [0, 0, 1],
    [k, 1, 2],
    [k, k, 3],
    [participants - 2 * k - 1, participants - k - 1, 2 * participants - k - 6],
  ];
  return { kind, id: label, label, parentId: null, agg };
}

const LEVELS = [
  level('all', 'Вся выборка', 300, 7),
  level('region', 'Калининградская область', 70, 3),
  level('municipality', 'Калининград(reg39_m001)', 30, 2),
  level('org', '+Школа № 1(sch390001)', 13, 1),
];
const META = { computedAt: new Date('2026-04-20T09:30:00Z'), date: '20.04.2026' };

async function readBack(table: ReportTable): Promise<ExcelJS.Worksheet> {
  const bytes = await writeReportXlsx(table);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

const values = (ws: ExcelJS.Worksheet, r: number, width: number) =>
  Array.from({ length: width }, (_, c) => ws.getRow(r).getCell(c + 1).value ?? null);

/** What the cell should read back as: text that looks like a formula gets an apostrophe in front. */
const expectedCell = (v: string | number | null) => (typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v);

async function checkSheet(table: ReportTable) {
  const ws = await readBack(table);
  const width = table.header.length;
  expect(ws.name).toBe(table.sheetName);
  expect(ws.name.length).toBeLessThanOrEqual(31);
  expect(ws.getCell('A1').value).toBe(table.title);
  expect(ws.getCell('A1').font?.bold).toBe(true);
  expect(values(ws, 2, 2)).toEqual([null, null]);
  expect(ws.getCell('A3').value).toBe('ВПР 2026 Математика 5 класс');
  expect(values(ws, 4, 2)).toEqual(['Предмет:', 'Математика']);
  expect(values(ws, 5, 2)).toEqual(['Максимальный первичный балл:', 6]);
  expect(values(ws, 6, 4)).toEqual(['Дата:', '20.04.2026', 'Данные рассчитаны:', '20.04.2026 12:30 МСК']);
  expect(values(ws, 7, width)).toEqual(table.difficultyRow ?? Array.from({ length: width }, () => null));
  expect(values(ws, 8, width)).toEqual(table.header.map(expectedCell));
  ws.getRow(8).eachCell((c) => {
    expect(c.font?.bold).toBe(true);
    expect(c.alignment?.wrapText).toBe(true);
    expect(c.border?.bottom?.style).toBe('thin');
  });
  table.rows.forEach((row, i) => {
    const r = 9 + i;
    expect(values(ws, r, width), `R${r}`).toEqual(row.cells.map(expectedCell));
    row.cells.forEach((cell, c) => {
      const x = ws.getRow(r).getCell(c + 1);
      if (table.percentColumns.includes(c)) expect(x.numFmt, `R${r}C${c + 1}`).toBe('0.00');
      else expect(x.numFmt ?? 'General').not.toBe('0.00');
      if (cell !== null) expect(Boolean(x.font?.bold), `R${r}C${c + 1}`).toBe(row.kind !== 'data');
    });
  });
  expect(ws.rowCount).toBe(8 + table.rows.length);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 8 });
  return ws;
}

describe('writeReportXlsx', () => {
  it('writes «Статистика по отметкам» in the layout of the real export', async () => {
    const table = buildLevelReport('marks', SUBJECT, LEVELS, META);
    const ws = await checkSheet(table);
    expect(ws.name).toBe('МА 5 Статистика по отметкам');
    // 3 of 13 pupils with «3»
    expect(ws.getCell('E12').value).toBe(23.08);
    expect(ws.getCell('A12').value).toBe("'+Школа № 1(sch390001)");
    expect(ws.getCell('A12').type).toBe(ExcelJS.ValueType.String);
  });

  it('writes «Выполнение заданий» with the difficulty row and plain mark-group rows', async () => {
    const table = buildLevelReport('tasks', SUBJECT, LEVELS, META);
    const ws = await checkSheet(table);
    expect(values(ws, 7, 5)).toEqual([null, null, 'Б', 'П', 'В']);
    expect(values(ws, 8, 5)).toEqual(['Группы участников', 'Кол-во участников', '1 (1б)', '2 (2б)', '3 (3б)']);
    expect(ws.getCell('A10').value).toBe('Группа с отметкой «2»');
    expect(ws.getCell('A10').font?.bold).toBeFalsy();
    expect(ws.getCell('A9').font?.bold).toBe(true);
  });

  it('keeps formula-like planned results as text and cuts the sheet name to 31 characters', async () => {
    const table = buildLevelReport('planned', SUBJECT, LEVELS, META);
    const ws = await checkSheet(table);
    expect(ws.name).toBe('МА 5 Достижение планируемых рез');
    expect(ws.getCell('B10').value).toBe('\'=HYPERLINK("http://evil","решать задачи")');
    expect(ws.getCell('B10').formula).toBeUndefined();
  });

  it('writes the other reports cell by cell too', async () => {
    await checkSheet(buildLevelReport('journal', SUBJECT, LEVELS, META));
    await checkSheet(buildLevelReport('scores', SUBJECT, LEVELS, META));
  });
});
