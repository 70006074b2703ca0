import { z } from 'zod';

/**
 * The «Аналитика» reports (DOMAIN.md «Analytics»). The server adds up the per-ОО summaries into level rows
 * (whole sample → region → municipality → ОО, cut to the viewer's scope); every report is a pure function of
 * those rows and the subject, so the screen, the chart and the XLSX show the same numbers.
 */

export const REPORT_KINDS = ['individual', 'marks', 'journal', 'scores', 'tasks', 'planned'] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

export const REPORT_TITLES: Record<ReportKind, string> = {
  individual: 'Индивидуальные результаты',
  marks: 'Статистика по отметкам',
  journal: 'Сравнение отметок с отметками по журналу',
  scores: 'Распределение первичных баллов',
  tasks: 'Выполнение заданий',
  planned: 'Достижение планируемых результатов',
};

/** How deep the level rows go below the viewer's own level. */
export const ReportDetail = z.enum(['regions', 'municipalities', 'orgs']);
export type ReportDetail = z.infer<typeof ReportDetail>;

export type LevelKind = 'all' | 'region' | 'municipality' | 'org';

/** What one group of participants adds up to; every field is a plain sum over the group's ОО. */
export interface ResultsAggregate {
  /** ОО with accepted results */
  orgs: number;
  /** pupils who wrote the work */
  participants: number;
  absent: number;
  /** pupils with the mark 2, 3, 4, 5 */
  marks: [number, number, number, number];
  /** pupils whose work mark is below, equal to, above their journal mark (those with both marks) */
  journal: { lower: number; same: number; higher: number };
  /** pupils per primary score, index = score 0..max */
  histogram: number[];
  /** points earned per task position (X counts 0) */
  taskPoints: number[];
  /** points earned per task position by the pupils with the mark 2, 3, 4, 5 */
  taskPointsByMark: [number[], number[], number[], number[]];
}

export interface LevelRow {
  kind: LevelKind;
  id: string | null;
  /** «Вся выборка», a region's name, `name(regRR_mNNN)`, `name(login)` as the reports print it */
  label: string;
  /** the id of the row this one belongs under (region of a municipality, municipality of an ОО) */
  parentId: string | null;
  agg: ResultsAggregate;
}

/** The subject as the reports need it. */
export interface ReportSubject {
  code: string;
  name: string;
  grade: number;
  year: number;
  maxScore: number;
  scale3: number;
  scale4: number;
  scale5: number;
  tasks: { number: string; maxScore: number; difficulty: 'Б' | 'П' | 'В'; plannedResult: string }[];
}

export const ReportCell = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof ReportCell>;

export const ReportRow = z.object({
  /** level rows and the group rows of Индивидуальные результаты are printed bold */
  kind: z.enum(['all', 'region', 'municipality', 'org', 'group', 'data']),
  cells: z.array(ReportCell),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const ReportChart = z.object({
  kind: z.enum(['bars', 'stacked', 'lines']),
  /** axis categories: marks, scores, task numbers */
  categories: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), values: z.array(z.number()) })),
  unit: z.string(),
});
export type ReportChart = z.infer<typeof ReportChart>;

/** One report as the screen shows it and the XLSX writes it (DOMAIN.md: R1 name, R3–R6 titles, R7, R8, R9…). */
export const ReportTable = z.object({
  kind: ReportKind,
  /** `<subject code> <grade> <report>` cut to 31 characters */
  sheetName: z.string(),
  /** R1 */
  title: z.string(),
  /** R3 `ВПР 2026 Русский язык 4 класс` */
  heading: z.string(),
  subjectName: z.string(),
  maxScore: z.number().int(),
  /** R6 dd.mm.yyyy */
  date: z.string(),
  /** the moment the aggregates were read, ISO */
  computedAt: z.string(),
  /** R7: one cell per header column (difficulty above each task column), or null */
  difficultyRow: z.array(z.string().nullable()).nullable(),
  header: z.array(z.string()),
  rows: z.array(ReportRow),
  /** indexes of the columns holding percentages (written with two decimals) */
  percentColumns: z.array(z.number().int()),
  chart: ReportChart.nullable(),
  /** rows left out on screen (the XLSX has all of them) */
  truncated: z.number().int(),
});
export type ReportTable = z.infer<typeof ReportTable>;

/** A percentage with two decimals of the right denominator; 0 when there is nobody to count. */
export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part / whole) * 10000) / 100;
}

/** Excel's limit on a sheet name. */
export function reportSheetName(subjectCode: string, grade: number, report: ReportKind): string {
  return `${subjectCode} ${grade} ${REPORT_TITLES[report]}`.slice(0, 31).trimEnd();
}

export function emptyAggregate(taskCount: number, maxScore: number): ResultsAggregate {
  const zeros = (n: number): number[] => new Array<number>(n).fill(0);
  return {
    orgs: 0,
    participants: 0,
    absent: 0,
    marks: [0, 0, 0, 0],
    journal: { lower: 0, same: 0, higher: 0 },
    histogram: zeros(maxScore + 1),
    taskPoints: zeros(taskCount),
    taskPointsByMark: [zeros(taskCount), zeros(taskCount), zeros(taskCount), zeros(taskCount)],
  };
}
