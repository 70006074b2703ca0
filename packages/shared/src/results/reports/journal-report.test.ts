import { describe, expect, it } from 'vitest';
import { buildLevelReport } from './index.ts';
import { isPercentOf, levelRows, makeOrgs, META, pupilsOf, SUBJECT, wrote } from './reports.fixture.ts';

const orgs = makeOrgs();
const levels = levelRows(orgs);

describe('Сравнение отметок с отметками по журналу', () => {
  const table = buildLevelReport('journal', SUBJECT, levels, META);

  it('names the columns as the real report does', () => {
    expect(table.sheetName).toBe('РУ 4 Сравнение отметок с отметками по журналу'.slice(0, 31));
    expect(table.sheetName.length).toBeLessThanOrEqual(31);
    expect(table.header).toEqual([
      'Группы участников',
      'Кол-во участников',
      'Понизили (Отметка < Отметка по журналу) %',
      'Подтвердили (Отметка = Отметке по журналу) %',
      'Повысили (Отметка > Отметка по журналу) %',
      'Понизили, чел.',
      'Подтвердили, чел.',
      'Повысили, чел.',
    ]);
    expect(table.percentColumns).toEqual([2, 3, 4]);
  });

  it('compares only pupils who have both marks, and counts them as the participants of the row', () => {
    table.rows.forEach((row, i) => {
      const level = levels[i]!;
      const both = wrote(pupilsOf(orgs, level)).filter((p) => p.journal !== null);
      const lower = both.filter((p) => p.mark! < p.journal!).length;
      const same = both.filter((p) => p.mark === p.journal).length;
      const higher = both.filter((p) => p.mark! > p.journal!).length;
      expect(both.length).toBeLessThan(wrote(pupilsOf(orgs, level)).length);
      expect(row.kind).toBe(level.kind);
      expect(row.cells[0]).toBe(level.label);
      expect(row.cells[1]).toBe(both.length);
      expect(row.cells.slice(5)).toEqual([lower, same, higher]);
      expect(isPercentOf(row.cells[2], lower, both.length)).toBe(true);
      expect(isPercentOf(row.cells[3], same, both.length)).toBe(true);
      expect(isPercentOf(row.cells[4], higher, both.length)).toBe(true);
    });
  });

  it('charts the three shares stacked for the levels on the path', () => {
    expect(table.chart!.kind).toBe('stacked');
    expect(table.chart!.categories).toHaveLength(4);
    expect(table.chart!.series.map((s) => s.name)).toEqual(['Понизили', 'Подтвердили', 'Повысили']);
    expect(table.chart!.series.map((s) => s.values[0])).toEqual(table.rows[0]!.cells.slice(2, 5));
  });
});
