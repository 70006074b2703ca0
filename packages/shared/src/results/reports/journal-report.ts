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

export const JOURNAL_HEADER = [
  GROUP_COLUMN,
  PARTICIPANTS_COLUMN,
  'Понизили (Отметка < Отметка по журналу) %',
  'Подтвердили (Отметка = Отметке по журналу) %',
  'Повысили (Отметка > Отметка по журналу) %',
  'Понизили, чел.',
  'Подтвердили, чел.',
  'Повысили, чел.',
];
const SEGMENTS = ['Понизили', 'Подтвердили', 'Повысили'];

/**
 * «Сравнение отметок с отметками по журналу». Only pupils with both marks can be compared, so they are the
 * denominator and the participant count of the row; a pupil with «нет отметки» in the journal is left out.
 */
export function buildJournalReport(subject: ReportSubject, levels: readonly LevelRow[], meta: ReportMeta): ReportTable {
  const counts = (l: LevelRow) => [l.agg.journal.lower, l.agg.journal.same, l.agg.journal.higher];
  const compared = (l: LevelRow) => counts(l).reduce((a, b) => a + b, 0);
  const shares = (l: LevelRow) => counts(l).map((n) => percent(n, compared(l)));
  const all: ReportRow[] = levels.map((l) => ({
    kind: l.kind,
    cells: [l.label, compared(l), ...shares(l), ...counts(l)],
  }));
  const charted = pathLevels(levels);
  return {
    ...reportFrame('journal', subject, meta),
    difficultyRow: null,
    header: JOURNAL_HEADER,
    ...limitRows(all, meta),
    percentColumns: [2, 3, 4],
    chart: {
      kind: 'stacked',
      categories: charted.map((l) => l.label),
      series: SEGMENTS.map((name, k) => ({ name, values: charted.map((l) => shares(l)[k]!) })),
      unit: PERCENT_UNIT,
    },
  };
}
