import { percent, type LevelRow, type ReportRow, type ReportSubject, type ReportTable } from '../analytics.ts';
import {
  GROUP_COLUMN,
  limitRows,
  PARTICIPANTS_COLUMN,
  pathLevels,
  PERCENT_UNIT,
  reportFrame,
  taskHeaders,
  type ReportMeta,
} from './common.ts';

export const markGroupLabel = (mark: 2 | 3 | 4 | 5): string => `Группа с отметкой «${mark}»`;

/** Per task: the points earned ÷ (the task's maximum × participants), in percent. */
export function taskShares(subject: ReportSubject, points: readonly number[], participants: number): number[] {
  return subject.tasks.map((t, i) => percent(points[i] ?? 0, t.maxScore * participants));
}

/**
 * «Выполнение заданий»: a row per level, and under it the same for the pupils of each mark (the mark group's
 * own pupils are its denominator).
 */
export function buildTasksReport(subject: ReportSubject, levels: readonly LevelRow[], meta: ReportMeta): ReportTable {
  const all: ReportRow[] = [];
  for (const l of levels) {
    all.push({
      kind: l.kind,
      cells: [l.label, l.agg.participants, ...taskShares(subject, l.agg.taskPoints, l.agg.participants)],
    });
    l.agg.taskPointsByMark.forEach((points, k) => {
      const pupils = l.agg.marks[k]!;
      all.push({
        kind: 'data',
        cells: [markGroupLabel((k + 2) as 2 | 3 | 4 | 5), pupils, ...taskShares(subject, points, pupils)],
      });
    });
  }
  return {
    ...reportFrame('tasks', subject, meta),
    difficultyRow: [null, null, ...subject.tasks.map((t) => t.difficulty)],
    header: [GROUP_COLUMN, PARTICIPANTS_COLUMN, ...taskHeaders(subject)],
    ...limitRows(all, meta),
    percentColumns: subject.tasks.map((_, i) => i + 2),
    chart: {
      kind: 'bars',
      categories: subject.tasks.map((t) => t.number),
      series: pathLevels(levels).map((l) => ({
        name: l.label,
        values: taskShares(subject, l.agg.taskPoints, l.agg.participants),
      })),
      unit: PERCENT_UNIT,
    },
  };
}
