import type { LevelRow, ReportSubject, ReportTable } from '../analytics.ts';
import type { LevelReportKind, ReportMeta } from './common.ts';
import { buildJournalReport } from './journal-report.ts';
import { buildMarksReport } from './marks-report.ts';
import { buildPlannedReport } from './planned-report.ts';
import { buildScoresReport } from './scores-report.ts';
import { buildTasksReport } from './tasks-report.ts';

export {
  MAX_LEVEL_COLUMNS,
  ownPath,
  pathLevels,
  reportHeading,
  type LevelReportKind,
  type ReportMeta,
} from './common.ts';
export * from './individual-report.ts';
export * from './journal-report.ts';
export * from './marks-report.ts';
export * from './planned-report.ts';
export * from './scores-report.ts';
export * from './tasks-report.ts';

const BUILDERS: Record<
  LevelReportKind,
  (subject: ReportSubject, levels: readonly LevelRow[], meta: ReportMeta) => ReportTable
> = {
  marks: buildMarksReport,
  journal: buildJournalReport,
  scores: buildScoresReport,
  tasks: buildTasksReport,
  planned: buildPlannedReport,
};

/** Every report but «Индивидуальные результаты» is a pure function of the level rows. */
export function buildLevelReport(
  kind: LevelReportKind,
  subject: ReportSubject,
  levels: readonly LevelRow[],
  meta: ReportMeta,
): ReportTable {
  return BUILDERS[kind](subject, levels, meta);
}
