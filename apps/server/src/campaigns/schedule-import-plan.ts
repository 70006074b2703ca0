import { formText, type FormRow } from '@oko/shared';
import { cellText } from '../registration/cell-text.ts';
import { SCHEDULE_SHEET } from './schedule-template.ts';
import { testDateProblem } from './test-date.ts';
import type { UploadIssues } from './upload-form.ts';

/**
 * An uploaded plan-schedule as a pure function. Each dated row names an ОО by login, which must be one the
 * actor may schedule (an unknown login and a foreign one get the same answer), a subject × grade of the
 * campaign, and a date the campaign allows. Rows that change nothing are left out of the result.
 */

export interface ScheduleImportInput {
  rows: FormRow[];
  rowNumbers: number[];
  /** login → ОО, for the logins of the file */
  orgByLogin: Map<string, string>;
  /** the ОО of the file that lie inside the actor's scope (decided by the access module) */
  allowed: Set<string>;
  campaign: { window_start: string; window_end: string };
  subjects: { id: string; code: string; grade: number; results_deadline: string }[];
  /** `orgId|subjectId` → the current date */
  current: Map<string, string>;
}

export interface ScheduleChange {
  orgId: string;
  subjectId: string;
  testDate: string;
}

export function planScheduleImport(input: ScheduleImportInput, issues: UploadIssues): ScheduleChange[] {
  const subjects = new Map(input.subjects.map((s) => [`${s.code}|${s.grade}`, s]));
  const known = formText.listForMessage(input.subjects.map((s) => `${s.code} ${s.grade}`));
  const seen = new Map<string, number>();
  const changes: ScheduleChange[] = [];
  input.rows.forEach((r, i) => {
    const row = input.rowNumbers[i] ?? i + 2;
    const testDate = typeof r.testDate === 'string' ? r.testDate : null;
    if (testDate === null) return; // a row without a date changes nothing
    const before = issues.size;
    const login = cellText(r.login);
    const orgId = input.orgByLogin.get(login);
    if (!orgId || !input.allowed.has(orgId)) {
      issues.add(SCHEDULE_SHEET, row, 'login', `ОО с логином «${login}» нет среди ОО, которым вы назначаете даты`);
    }
    const code = cellText(r.subjectCode).toUpperCase();
    const grade = typeof r.grade === 'number' ? r.grade : Number.NaN;
    const subject = subjects.get(`${code}|${grade}`);
    if (!subject) {
      issues.add(
        SCHEDULE_SHEET,
        row,
        'subjectCode',
        `Предмета ${code}, ${grade} класс нет в кампании. Предметы: ${known}`,
      );
    } else {
      const problem = testDateProblem(testDate, input.campaign, subject);
      if (problem) issues.add(SCHEDULE_SHEET, row, 'testDate', problem.message);
    }
    if (issues.size > before || !orgId || !subject) return;
    const key = `${orgId}|${subject.id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.add(
        SCHEDULE_SHEET,
        row,
        'login',
        `ОО «${login}» и предмет ${code}, ${grade} класс уже указаны в строке ${first}`,
      );
      return;
    }
    seen.set(key, row);
    if (input.current.get(key) !== testDate) changes.push({ orgId, subjectId: subject.id, testDate });
  });
  return changes;
}
