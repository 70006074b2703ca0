import { ROW_KEY, type ColumnDef, type FormData, type FormIssue, type FormTemplate } from '@oko/shared';

const MAX_ISSUES = 50;

/**
 * What an autosave must satisfy: the data fits the template — known sheets, rows and columns, a
 * value of a type the column can hold, no more rows than allowed. Not completeness or ranges: a
 * half-filled form is saved as it is, and validation at submit names what is missing. Numeric
 * columns accept text too, so that a mistyped number is kept and shown for correction, not lost.
 */
export function shapeIssues(template: FormTemplate, data: FormData): FormIssue[] {
  const issues: FormIssue[] = [];
  const add = (issue: Omit<FormIssue, 'cell'>) => {
    if (issues.length < MAX_ISSUES) issues.push({ ...issue, cell: null });
  };
  const sheets = new Map(template.sheets.map((s) => [s.key, s]));
  for (const [sheetKey, rows] of Object.entries(data)) {
    const sheet = sheets.get(sheetKey);
    if (!sheet) {
      add({ sheet: sheetKey, row: 0, column: null, message: `В форме нет листа «${sheetKey}»` });
      continue;
    }
    const columns = new Map<string, ColumnDef>(sheet.columns.map((c) => [c.key, c]));
    const fixed = sheet.rows.mode === 'fixed' ? new Set(sheet.rows.rows.map((r) => r.key)) : null;
    const max = sheet.rows.mode === 'fixed' ? sheet.rows.rows.length : sheet.rows.max;
    if (rows.length > max) {
      add({ sheet: sheet.title, row: max + 1, column: null, message: `На листе не больше ${max} строк` });
    }
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const rowNo = i + 1;
      if (fixed) {
        const key = row[ROW_KEY];
        if (typeof key !== 'string' || !fixed.has(key)) {
          add({ sheet: sheet.title, row: rowNo, column: null, message: 'Строка не из списка строк этого листа' });
        } else if (seen.has(key)) {
          add({ sheet: sheet.title, row: rowNo, column: null, message: 'Строка повторяется' });
        } else seen.add(key);
      }
      for (const [key, value] of Object.entries(row)) {
        if (key === ROW_KEY) {
          if (!fixed) add({ sheet: sheet.title, row: rowNo, column: null, message: 'Лишний ключ строки' });
          continue;
        }
        const column = columns.get(key);
        if (!column) {
          add({ sheet: sheet.title, row: rowNo, column: key, message: `В листе нет столбца «${key}»` });
          continue;
        }
        if (value === null || typeof value === 'string') continue;
        if (!numericKind(column)) {
          add({ sheet: sheet.title, row: rowNo, column: column.title, message: 'Здесь ожидается текст, а не число' });
        }
      }
    });
  }
  return issues;
}

/** Columns whose stored value is a number; prefill and computed ones are rewritten by the server anyway. */
function numericKind(column: ColumnDef): boolean {
  switch (column.kind) {
    case 'integer':
    case 'decimal':
    case 'computed':
    case 'prefill':
      return true;
    case 'text':
    case 'date':
    case 'list':
      return false;
  }
}
