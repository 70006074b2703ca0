import { describe, expect, it } from 'vitest';
import { buildLevelReport } from './index.ts';
import { isPercentOf, levelRows, makeOrgs, META, pupilsOf, SUBJECT, wrote } from './reports.fixture.ts';

const orgs = makeOrgs();
const levels = levelRows(orgs);

describe('Распределение первичных баллов', () => {
  const table = buildLevelReport('scores', SUBJECT, levels, META);

  it('has a column per primary score from 0 to the maximum', () => {
    expect(table.header).toEqual([
      'Группы участников',
      'Кол-во участников',
      ...Array.from({ length: 15 }, (_, s) => String(s)),
    ]);
    expect(table.percentColumns).toEqual(Array.from({ length: 15 }, (_, s) => s + 2));
    expect(table.sheetName).toBe('РУ 4 Распределение первичных баллов'.slice(0, 31));
    expect(table.sheetName).toHaveLength(31);
  });

  it('gives the share of the participants with each score, counted from the raw totals', () => {
    table.rows.forEach((row, i) => {
      const level = levels[i]!;
      const pupils = wrote(pupilsOf(orgs, level));
      expect(row.cells.slice(0, 2)).toEqual([level.label, pupils.length]);
      for (let s = 0; s <= 14; s++) {
        const n = pupils.filter((p) => p.total === s).length;
        expect(isPercentOf(row.cells[2 + s], n, pupils.length), `${level.label}, ${s} б.`).toBe(true);
      }
    });
  });

  it('charts a line per level on the path over the scores', () => {
    const chart = table.chart!;
    expect(chart.kind).toBe('lines');
    expect(chart.categories).toEqual(Array.from({ length: 15 }, (_, s) => String(s)));
    expect(chart.series.map((s) => s.name)).toEqual(levels.slice(0, 4).map((l) => l.label));
    chart.series.forEach((s, c) => expect(s.values).toEqual(table.rows[c]!.cells.slice(2)));
  });
});
