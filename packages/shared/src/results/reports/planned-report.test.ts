import { describe, expect, it } from 'vitest';
import type { LevelRow } from '../analytics.ts';
import type { ParticipantResult } from '../results-form.ts';
import { buildLevelReport } from './index.ts';
import { isPercentOf, levelRows, makeOrgs, META, pupilsOf, SUBJECT, wrote } from './reports.fixture.ts';

const orgs = makeOrgs();
const levels = levelRows(orgs);

const raw = (pupils: ParticipantResult[], i: number) =>
  (pupils.reduce((a, p) => a + (p.scores![i] ?? 0), 0) / (SUBJECT.tasks[i]!.maxScore * pupils.length)) * 100;

function expectReport(shown: LevelRow[], judged: LevelRow) {
  const table = buildLevelReport(
    'planned',
    SUBJECT,
    levels.filter((l) => shown.includes(l)),
    META,
  );
  expect(table.header).toEqual([
    'Номер задания',
    'Проверяемые требования (умения)',
    'Уровень сложности',
    'Макс. балл',
    ...shown.map((l) => l.label),
    'Достигнуто',
  ]);
  expect(table.percentColumns).toEqual(shown.map((_, c) => 4 + c));
  expect(table.rows).toHaveLength(SUBJECT.tasks.length);
  const achieved: string[] = [];
  SUBJECT.tasks.forEach((t, i) => {
    const row = table.rows[i]!;
    expect(row.kind).toBe('data');
    expect(row.cells.slice(0, 4)).toEqual([t.number, t.plannedResult, t.difficulty, t.maxScore]);
    shown.forEach((l, c) => {
      const pupils = wrote(pupilsOf(orgs, l));
      const points = pupils.reduce((a, p) => a + (p.scores![i] ?? 0), 0);
      expect(isPercentOf(row.cells[4 + c], points, t.maxScore * pupils.length)).toBe(true);
    });
    const share = Math.round(raw(wrote(pupilsOf(orgs, judged)), i) * 100) / 100;
    const expected = share >= (t.difficulty === 'Б' ? 60 : 30) ? 'да' : 'нет';
    expect(row.cells[4 + shown.length], `${t.number}: ${share}`).toBe(expected);
    achieved.push(expected);
  });
  return { table, achieved };
}

describe('Достижение планируемых результатов', () => {
  it('shows whole sample, region, municipality and ОО along the first path when there are many levels', () => {
    const shown = [levels[0]!, levels[1]!, levels[2]!, levels[3]!];
    const { table, achieved } = expectReport(shown, levels[3]!);
    expect(table.rows.map((r) => r.cells[4 + shown.length])).toEqual(achieved);
    // the data must exercise both answers, or the check above proves little
    expect(new Set(achieved)).toEqual(new Set(['да', 'нет']));
    expect(table.sheetName).toBe('РУ 4 Достижение планируемых результатов'.slice(0, 31));
    expect(table.sheetName).toHaveLength(31);
  });

  it("stops at the viewer's own level where siblings begin, and judges that level", () => {
    // a region coordinator looking at its municipalities: the whole sample and its region are its own path
    const region = levels[1]!;
    const below = levels.filter((l) => l.kind === 'municipality' && l.parentId === region.id);
    expect(below.length).toBeGreaterThan(1);
    const table = buildLevelReport('planned', SUBJECT, [levels[0]!, region, ...below], META);
    const direct = expectReport([levels[0]!, region], region);
    expect(table.header).toEqual(direct.table.header);
    expect(table.rows).toEqual(direct.table.rows);
  });

  it('charts the columns of the own path per task', () => {
    const table = buildLevelReport('planned', SUBJECT, levels.slice(0, 4), META);
    expect(table.chart!.categories).toEqual(SUBJECT.tasks.map((t) => t.number));
    expect(table.chart!.series.map((s) => s.values)).toEqual(
      [4, 5, 6, 7].map((col) => table.rows.map((r) => r.cells[col])),
    );
  });

  it('leaves «Достигнуто» empty when the judged level has no participants', () => {
    const empty: LevelRow = { ...levels[3]!, agg: { ...levels[3]!.agg, participants: 0 } };
    const table = buildLevelReport('planned', SUBJECT, [levels[0]!, empty], META);
    expect(table.rows.every((r) => r.cells[6] === null && r.cells[5] === 0)).toBe(true);
  });
});
