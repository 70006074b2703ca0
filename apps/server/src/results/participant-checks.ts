import {
  FIRST_DATA_ROW,
  isEmptyRow,
  RESULTS_SHEET,
  type FormData,
  type FormIssue,
  type FormTemplate,
  cellAddress,
} from '@oko/shared';

/**
 * What the form alone cannot know: every code must be one of this ОО's codes for the grade, and each pupil
 * appears once. `rowNumbers` gives the worksheet row of each data row (the XLSX reader skips empty rows);
 * online, data row i is worksheet row FIRST_DATA_ROW + i.
 */
export function participantIssues(
  template: FormTemplate,
  data: FormData,
  codes: ReadonlySet<string>,
  grade: number,
  rowNumbers?: readonly number[],
): FormIssue[] {
  const sheet = template.sheets.find((s) => s.key === RESULTS_SHEET)!;
  const codeColumn = sheet.columns.findIndex((c) => c.key === 'code');
  const title = sheet.columns[codeColumn]!.title;
  const issues: FormIssue[] = [];
  const seen = new Map<string, number>();
  let filled = 0;
  (data[RESULTS_SHEET] ?? []).forEach((row, i) => {
    if (isEmptyRow(sheet, row)) return;
    filled++;
    const rowNumber = rowNumbers?.[i] ?? FIRST_DATA_ROW + i;
    const at = (message: string) =>
      issues.push({
        sheet: sheet.title,
        row: rowNumber,
        column: title,
        cell: cellAddress(codeColumn, rowNumber),
        message,
      });
    const code = typeof row.code === 'string' ? row.code.trim() : row.code === null ? '' : String(row.code);
    if (!code) return;
    const first = seen.get(code);
    if (first !== undefined) {
      at(`Код ${code} уже указан в строке ${first}: у каждого участника одна строка`);
      return;
    }
    seen.set(code, rowNumber);
    if (!codes.has(code)) {
      at(
        codes.size === 0
          ? `Для ${grade} класса вашей ОО коды участников ещё не выданы: код ${code} проверить не с чем`
          : `Кода ${code} нет среди кодов участников вашей ОО для ${grade} класса`,
      );
    }
  });
  if (filled === 0) {
    issues.push({
      sheet: sheet.title,
      row: FIRST_DATA_ROW,
      column: null,
      cell: null,
      message: 'В форме нет ни одного участника: внесите результаты или отметьте отсутствовавших',
    });
  }
  return issues;
}
