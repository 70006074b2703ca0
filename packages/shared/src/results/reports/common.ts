import { taskHeader } from '../../campaigns.ts';
import {
  REPORT_TITLES,
  reportSheetName,
  type LevelRow,
  type ReportKind,
  type ReportRow,
  type ReportSubject,
  type ReportTable,
} from '../analytics.ts';

export type LevelReportKind = Exclude<ReportKind, 'individual'>;

export interface ReportMeta {
  /** the moment the aggregates were read */
  computedAt: Date;
  /** R6, dd.mm.yyyy */
  date: string;
  /** rows the screen shows; the rest are counted in `truncated` (the XLSX is built without a limit) */
  screenRowLimit?: number;
}

export const GROUP_COLUMN = 'Группы участников';
export const PARTICIPANTS_COLUMN = 'Кол-во участников';
export const PERCENT_UNIT = '%';

/** Columns or chart series at most: whole sample, region, municipality, ОО. */
export const MAX_LEVEL_COLUMNS = 4;

type Frame = Pick<
  ReportTable,
  'kind' | 'sheetName' | 'title' | 'heading' | 'subjectName' | 'maxScore' | 'date' | 'computedAt'
>;

export const reportHeading = (subject: Pick<ReportSubject, 'year' | 'name' | 'grade'>): string =>
  `ВПР ${subject.year} ${subject.name} ${subject.grade} класс`;

/** What every report shares: R1–R6 and the sheet name. */
export function reportFrame(kind: ReportKind, subject: ReportSubject, meta: ReportMeta): Frame {
  return {
    kind,
    sheetName: reportSheetName(subject.code, subject.grade, kind),
    title: REPORT_TITLES[kind],
    heading: reportHeading(subject),
    subjectName: subject.name,
    maxScore: subject.maxScore,
    date: meta.date,
    computedAt: meta.computedAt.toISOString(),
  };
}

/** The screen gets the first `screenRowLimit` rows; the model keeps every row when no limit is given. */
export function limitRows(rows: ReportRow[], meta: ReportMeta): { rows: ReportRow[]; truncated: number } {
  const limit = meta.screenRowLimit;
  if (limit === undefined || rows.length <= limit) return { rows, truncated: 0 };
  const kept = Math.max(0, Math.floor(limit));
  return { rows: rows.slice(0, kept), truncated: rows.length - kept };
}

/**
 * The levels a chart or the per-level columns of «Достижение планируемых результатов» show. Up to four rows are
 * shown as they are. With more (a coordinator looking at every ОО below them), the first row of each kind is
 * taken: the rows come ordered whole sample → region → its municipalities → their ОО, so these first rows form
 * one path down the hierarchy — for an ОО exactly its own path, for a coordinator their own level followed by the
 * first unit below it — and a chart never grows to thousands of bars.
 */
export function pathLevels(levels: readonly LevelRow[]): LevelRow[] {
  if (levels.length <= MAX_LEVEL_COLUMNS) return [...levels];
  const seen = new Set<string>();
  const path: LevelRow[] = [];
  for (const level of levels) {
    if (seen.has(level.kind)) continue;
    seen.add(level.kind);
    path.push(level);
  }
  return path;
}

/**
 * The viewer's own path: the leading levels that hold exactly one row (whole sample, the region, the municipality,
 * the ОО), stopping where siblings begin. A school gets all four, a region coordinator looking at its
 * municipalities gets the whole sample and its region: the levels a verdict about «the viewer's» results is about.
 */
export function ownPath(levels: readonly LevelRow[]): LevelRow[] {
  const count = new Map<string, number>();
  for (const l of levels) count.set(l.kind, (count.get(l.kind) ?? 0) + 1);
  const path: LevelRow[] = [];
  for (const l of levels) {
    if (count.get(l.kind) !== 1) break;
    path.push(l);
  }
  return path;
}

export const taskHeaders = (subject: ReportSubject): string[] => subject.tasks.map((t) => taskHeader(t));
