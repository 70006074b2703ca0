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

/** «Распределение первичных баллов»: the share of a level's participants with each primary score 0..max. */
export function buildScoresReport(subject: ReportSubject, levels: readonly LevelRow[], meta: ReportMeta): ReportTable {
  const scores = Array.from({ length: subject.maxScore + 1 }, (_, s) => s);
  const shares = (l: LevelRow) => scores.map((s) => percent(l.agg.histogram[s] ?? 0, l.agg.participants));
  const all: ReportRow[] = levels.map((l) => ({ kind: l.kind, cells: [l.label, l.agg.participants, ...shares(l)] }));
  return {
    ...reportFrame('scores', subject, meta),
    difficultyRow: null,
    header: [GROUP_COLUMN, PARTICIPANTS_COLUMN, ...scores.map(String)],
    ...limitRows(all, meta),
    percentColumns: scores.map((s) => s + 2),
    chart: {
      kind: 'lines',
      categories: scores.map(String),
      series: pathLevels(levels).map((l) => ({ name: l.label, values: shares(l) })),
      unit: PERCENT_UNIT,
    },
  };
}
