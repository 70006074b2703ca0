import {
  cellAddress,
  dataColumnIndex,
  dataRowNumber,
  isEmptyRow,
  type ApplicationLine,
  type ApplicationSchoolChange,
  type FormIssue,
  type FormRow,
  type SheetDef,
} from '@oko/shared';
import { cellText } from './cell-text.ts';
import { lineKey, lineOfRow, linesOf, sameLines, sortLines } from './application-lines.ts';
import type { ApplicationSchoolRow } from './registration.repository.ts';

/**
 * The consolidated application file against what the schools sent and what was confirmed before.
 * Lines are grouped by the ОО code of their row. A school left with no lines is withdrawn if it had
 * an application, and skipped if it never had one.
 */

export interface ApplicationPlanItem extends ApplicationSchoolChange {
  corrected: boolean;
}

export interface ApplicationPlan {
  schools: ApplicationPlanItem[];
  skipped: number;
}

export function diffApplications(
  sheet: SheetDef,
  rows: FormRow[],
  schools: ApplicationSchoolRow[],
  /** the worksheet row of each data row (the reader skips empty rows) */
  rowNumbers?: number[],
): { plan: ApplicationPlan; errors: FormIssue[] } {
  const errors: FormIssue[] = [];
  const title = (key: string) => sheet.columns.find((c) => c.key === key)?.title ?? key;
  const rowOf = (index: number) => rowNumbers?.[index] ?? dataRowNumber(index);
  const fail = (index: number, key: string, message: string) =>
    errors.push({
      sheet: sheet.title,
      row: rowOf(index),
      column: title(key),
      cell: cellAddress(dataColumnIndex(sheet, key), rowOf(index)),
      message,
    });
  const byCode = new Map(schools.map((s) => [s.code, s]));
  const found = new Map<string, { school: ApplicationSchoolRow; row: number; lines: ApplicationLine[] }>();
  const lineRows = new Map<string, number>();

  rows.forEach((row, index) => {
    if (isEmptyRow(sheet, row)) return;
    const code = cellText(row.code);
    const school = byCode.get(code);
    if (!school) {
      fail(index, 'code', `ОО с кодом ${code} нет среди действующих ОО региона, которые подают эту заявку`);
      return;
    }
    let entry = found.get(code);
    if (!entry) {
      entry = { school, row: rowOf(index), lines: [] };
      found.set(code, entry);
    }
    const line = lineOfRow(row);
    if (!line) return;
    const key = `${code}|${lineKey(line)}`;
    const first = lineRows.get(key);
    if (first !== undefined) {
      fail(index, 'subject', `${line.grade} класс, «${line.subject}» для ОО ${code} уже указан в строке ${first}`);
      return;
    }
    lineRows.set(key, rowOf(index));
    entry.lines.push(line);
  });

  const plan: ApplicationPlan = { schools: [], skipped: 0 };
  for (const { school, row, lines } of found.values()) {
    const after = sortLines(lines);
    const confirmed = school.confirmation_version === null ? null : linesOf(school.confirmation_data);
    const sent = linesOf(school.submission_data);
    const before = confirmed ?? sent ?? [];
    let kind: ApplicationSchoolChange['kind'];
    if (confirmed !== null && sameLines(confirmed, after)) kind = 'same';
    else if (after.length === 0) {
      if (before.length === 0 && confirmed === null) {
        plan.skipped++;
        continue;
      }
      kind = 'withdraw';
    } else if (sent !== null && sameLines(sent, after)) kind = 'confirm';
    else kind = 'correct';
    plan.schools.push({
      row,
      orgId: school.org_id,
      code: school.code,
      login: school.login,
      name: school.short_name,
      kind,
      before,
      after,
      corrected: !sameLines(sent, after),
    });
  }
  return { plan, errors };
}
