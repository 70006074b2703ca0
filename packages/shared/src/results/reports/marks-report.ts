import { percent, type LevelRow, type ReportRow, type ReportSubject, type ReportTable } from '../analytics.ts';
import {
  GROUP_COLUMN,
  limitRows,
  PARTICIPANTS_COLUMN,
  pathLevels,
  PERCENT_UNIT,
  reportFrame,
  type ReportMeta,
} from './common.ts';

export const MARK_TITLES = ['2', '3', '4', '5'] as const;
export const MARKS_HEADER = [GROUP_COLUMN, 'Кол-во ОО', PARTICIPANTS_COLUMN, ...MARK_TITLES];

/** «Статистика по отметкам»: the share of each mark among a level's participants. */
export function buildMarksReport(subject: ReportSubject, levels: readonly LevelRow[], meta: ReportMeta): ReportTable {
  const shares = (l: LevelRow) => l.agg.marks.map((n) => percent(n, l.agg.participants));
  const all: ReportRow[] = levels.map((l) => ({
    kind: l.kind,
    cells: [l.label, l.agg.orgs, l.agg.participants, ...shares(l)],
  }));
  const charted = pathLevels(levels);
  return {
    ...reportFrame('marks', subject, meta),
    difficultyRow: null,
    header: MARKS_HEADER,
    ...limitRows(all, meta),
    percentColumns: [3, 4, 5, 6],
    // one stacked bar per level, one segment per mark
    chart: {
      kind: 'stacked',
      categories: charted.map((l) => l.label),
      series: MARK_TITLES.map((m, k) => ({ name: `Отметка «${m}»`, values: charted.map((l) => shares(l)[k]!) })),
      unit: PERCENT_UNIT,
    },
  };
}
