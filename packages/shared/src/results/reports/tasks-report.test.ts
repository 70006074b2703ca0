import { describe, expect, it } from 'vitest';
import type { ParticipantResult } from '../results-form.ts';
import { buildLevelReport } from './index.ts';
import { isPercentOf, levelRows, makeOrgs, META, pupilsOf, SUBJECT, wrote } from './reports.fixture.ts';

const orgs = makeOrgs();
const levels = levelRows(orgs);

/** Straight from the pupils: points on task i over what they could have earned there. */
const earned = (pupils: ParticipantResult[], i: number) => pupils.reduce((a, p) => a + (p.scores![i] ?? 0), 0);

describe('Выполнение заданий', () => {
  const table = buildLevelReport('tasks', SUBJECT, levels, META);

  it('puts each task difficulty above its column and the task headers in R8', () => {
    expect(table.header).toEqual([
      'Группы участников',
      'Кол-во участников',
      '1 (1б)',
      '2 (2б)',
      '3.1 (1б)',
      '3.2 (2б)',
      '4 (3б)',
      '5 (1б)',
      '6 (2б)',
      '7 (2б)',
    ]);
    expect(table.difficultyRow).toEqual([null, null, 'Б', 'Б', 'Б', 'П', 'Б', 'П', 'В', 'П']);
    expect(table.percentColumns).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('gives each level and each of its mark groups the share of points earned, from the raw scores', () => {
    expect(table.rows).toHaveLength(levels.length * 5);
    levels.forEach((level, li) => {
      const pupils = wrote(pupilsOf(orgs, level));
      const groups: [string, ParticipantResult[]][] = [
        [level.label, pupils],
        ...[2, 3, 4, 5].map((m): [string, ParticipantResult[]] => [
          `Группа с отметкой «${m}»`,
          pupils.filter((p) => p.mark === m),
        ]),
      ];
      groups.forEach(([label, group], g) => {
        const row = table.rows[li * 5 + g]!;
        expect(row.kind).toBe(g === 0 ? level.kind : 'data');
        expect(row.cells.slice(0, 2)).toEqual([label, group.length]);
        SUBJECT.tasks.forEach((t, i) => {
          const ok = isPercentOf(row.cells[2 + i], earned(group, i), t.maxScore * group.length);
          expect(ok, `${level.label} / ${label} / ${t.number}: ${row.cells[2 + i]}`).toBe(true);
        });
      });
    });
  });

  it('has mark groups with nobody in them at 0 %, not NaN', () => {
    const row = table.rows.find((r, i) => r.kind === 'data' && r.cells[1] === 0 && i > 0)!;
    expect(row).toBeDefined();
    expect(row.cells.slice(2).every((c) => c === 0)).toBe(true);
  });

  it('charts bars per task for the levels on the path', () => {
    const chart = table.chart!;
    expect(chart.kind).toBe('bars');
    expect(chart.categories).toEqual(['1', '2', '3.1', '3.2', '4', '5', '6', '7']);
    expect(chart.series.map((s) => s.name)).toEqual(levels.slice(0, 4).map((l) => l.label));
    chart.series.forEach((s, c) => expect(s.values).toEqual(table.rows[c * 5]!.cells.slice(2)));
  });
});
