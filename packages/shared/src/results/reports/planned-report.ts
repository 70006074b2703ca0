import type { LevelRow, ReportRow, ReportSubject, ReportTable } from '../analytics.ts';
import { limitRows, ownPath, PERCENT_UNIT, reportFrame, type ReportMeta } from './common.ts';
import { taskShares } from './tasks-report.ts';

/** The share of points a level must reach on a task for the planned result to count as achieved. */
export const PLANNED_SUFFICIENT: Record<'Б' | 'П' | 'В', number> = { Б: 60, П: 30, В: 30 };

export const PLANNED_FIXED_HEADER = [
  'Номер задания',
  'Проверяемые требования (умения)',
  'Уровень сложности',
  'Макс. балл',
];
export const PLANNED_ACHIEVED = 'Достигнуто';

/**
 * «Достижение планируемых результатов»: a row per task (its planned result), a percentage column per level.
 * The columns are the viewer's own path (`ownPath`: whole sample → region → municipality → ОО while each level is
 * one row), so the table stays at most four columns wide whatever the scope, and «Достигнуто» judges the viewer's
 * own level, not an arbitrary sibling below it. It judges the last column — the most specific level shown — against
 * Б ≥ 60 %, П/В ≥ 30 % on the rounded percentage the row shows; it stays empty when that level has no participants.
 */
export function buildPlannedReport(subject: ReportSubject, levels: readonly LevelRow[], meta: ReportMeta): ReportTable {
  const columns = ownPath(levels);
  const shares = columns.map((l) => taskShares(subject, l.agg.taskPoints, l.agg.participants));
  const judged = columns.length - 1;
  const all: ReportRow[] = subject.tasks.map((t, i) => {
    const values = shares.map((s) => s[i]!);
    const achieved =
      judged < 0 || columns[judged]!.agg.participants === 0
        ? null
        : values[judged]! >= PLANNED_SUFFICIENT[t.difficulty]
          ? 'да'
          : 'нет';
    return { kind: 'data', cells: [t.number, t.plannedResult, t.difficulty, t.maxScore, ...values, achieved] };
  });
  const first = PLANNED_FIXED_HEADER.length;
  return {
    ...reportFrame('planned', subject, meta),
    difficultyRow: null,
    header: [...PLANNED_FIXED_HEADER, ...columns.map((l) => l.label), PLANNED_ACHIEVED],
    ...limitRows(all, meta),
    percentColumns: columns.map((_, c) => first + c),
    chart: {
      kind: 'bars',
      categories: subject.tasks.map((t) => t.number),
      series: columns.map((l, c) => ({ name: l.label, values: shares[c]! })),
      unit: PERCENT_UNIT,
    },
  };
}
