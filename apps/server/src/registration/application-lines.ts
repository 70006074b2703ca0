import type { ApplicationLine, CellValue, FormData, FormRow } from '@oko/shared';
import { cellText } from './cell-text.ts';
import { APPLICATION_SHEET, GRADES, SUBJECTS } from './templates/application.ts';

/**
 * An application's lines in one canonical order, so that what a school sent, what the coordinator
 * uploaded and what was confirmed compare as plain values.
 */

const int = (v: CellValue | undefined): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v) : null;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v.trim()))) return Math.round(Number(v));
  return null;
};

const order = (l: ApplicationLine) => {
  const g = (GRADES as readonly string[]).indexOf(l.grade);
  const s = SUBJECTS.indexOf(l.subject);
  return (g < 0 ? 99 : g) * 1000 + (s < 0 ? 999 : s);
};

export function lineOfRow(row: FormRow): ApplicationLine | null {
  const grade = cellText(row.grade);
  const subject = cellText(row.subject);
  const participants = int(row.participants);
  if (grade === '' || subject === '' || participants === null) return null;
  return { grade, subject, classes: int(row.classes), participants };
}

export function sortLines(lines: ApplicationLine[]): ApplicationLine[] {
  return [...lines].sort((a, b) => order(a) - order(b) || a.subject.localeCompare(b.subject, 'ru'));
}

/** The lines of a stored application (FormData of the application template); nothing stored: null. */
export function linesOf(data: unknown): ApplicationLine[] | null {
  if (data === null || data === undefined || typeof data !== 'object') return null;
  const rows = (data as FormData)[APPLICATION_SHEET];
  if (!Array.isArray(rows)) return [];
  return sortLines(rows.map(lineOfRow).filter((l): l is ApplicationLine => l !== null));
}

export function dataOfLines(lines: ApplicationLine[]): FormData {
  return {
    [APPLICATION_SHEET]: sortLines(lines).map((l) => ({
      grade: l.grade,
      subject: l.subject,
      classes: l.classes,
      participants: l.participants,
    })),
  };
}

export const lineKey = (l: { grade: string; subject: string }) => `${l.grade}|${l.subject}`;

export function sameLines(a: ApplicationLine[] | null, b: ApplicationLine[] | null): boolean {
  return JSON.stringify(sortLines(a ?? [])) === JSON.stringify(sortLines(b ?? []));
}
