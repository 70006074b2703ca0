import { NO_MARK, NOT_ATTEMPTED, ABSENT } from '../results-form.ts';
import type { ReportCell, ReportRow, ReportSubject, ReportTable } from '../analytics.ts';
import { limitRows, reportFrame, taskHeaders, type ReportMeta } from './common.ts';

/** One pupil's row as the SQL reads it for «Индивидуальные результаты». */
export interface IndividualRow {
  orgLogin: string;
  municipality: string;
  orgName: string;
  code: string;
  classNo: number | null;
  /** null: absent */
  variant: number | null;
  /** per task; null or -1 is X (not attempted); null as a whole when absent */
  scores: readonly (number | null)[] | null;
  total: number | null;
  mark: 2 | 3 | 4 | 5 | null;
  /** null: «нет отметки» */
  journal: 2 | 3 | 4 | 5 | null;
}

/** The school a block of rows belongs to, for its group row. */
export interface IndividualSchool {
  name: string;
  login: string;
}

export const INDIVIDUAL_FIXED_HEADER = ['ОО', 'Муниципалитет', 'Название ОО', 'Код участника', 'Класс', 'Вариант'];
export const INDIVIDUAL_TAIL_HEADER = ['Первичный балл', 'Отметка', 'Отметка по журналу'];

export const individualHeader = (subject: ReportSubject): string[] => [
  ...INDIVIDUAL_FIXED_HEADER,
  ...taskHeaders(subject),
  ...INDIVIDUAL_TAIL_HEADER,
];

/** R7: each task's difficulty above its column. */
export const individualDifficultyRow = (subject: ReportSubject): (string | null)[] => [
  ...INDIVIDUAL_FIXED_HEADER.map(() => null),
  ...subject.tasks.map((t) => t.difficulty),
  ...INDIVIDUAL_TAIL_HEADER.map(() => null),
];

/** A pupil who did not write the work has no scores, no total and no mark: the row says «отсутствовал». */
export function individualCells(row: IndividualRow, taskCount: number): ReportCell[] {
  const absent = row.variant === null || row.scores === null;
  const tasks: ReportCell[] = Array.from({ length: taskCount }, (_, i) => {
    if (absent) return null;
    const s = row.scores![i];
    return s === null || s === undefined || s < 0 ? NOT_ATTEMPTED : s;
  });
  return [
    row.orgLogin,
    row.municipality,
    row.orgName,
    row.code,
    row.classNo,
    absent ? ABSENT : row.variant,
    ...tasks,
    absent ? null : row.total,
    absent ? null : row.mark,
    row.journal ?? (absent ? null : NO_MARK),
  ];
}

/** Those who wrote the work, as every other report counts participants. */
export const individualParticipants = (rows: readonly IndividualRow[]): number =>
  rows.filter((r) => r.variant !== null && r.scores !== null).length;

/** `<school name>(<login>) | Кол-во участников: N`, padded to the header's width. */
export function individualGroupCells(school: IndividualSchool, participants: number, width: number): ReportCell[] {
  const cells: ReportCell[] = [`${school.name}(${school.login})`, `Кол-во участников: ${participants}`];
  while (cells.length < width) cells.push(null);
  return cells;
}

/** The on-screen table (an ОО or a few): each school's group row followed by its pupils. */
export function buildIndividualReport(
  subject: ReportSubject,
  schools: readonly { school: IndividualSchool; rows: readonly IndividualRow[] }[],
  meta: ReportMeta,
): ReportTable {
  const header = individualHeader(subject);
  const all: ReportRow[] = [];
  for (const { school, rows } of schools) {
    all.push({ kind: 'group', cells: individualGroupCells(school, individualParticipants(rows), header.length) });
    for (const r of rows) all.push({ kind: 'data', cells: individualCells(r, subject.tasks.length) });
  }
  return {
    ...reportFrame('individual', subject, meta),
    difficultyRow: individualDifficultyRow(subject),
    header,
    ...limitRows(all, meta),
    percentColumns: [],
    chart: null,
  };
}
