// Validation as the user types: each row is checked with the shared validateCell (the same rules as the server
// and the XLSX reader), and the result is kept per row object, so an edit rechecks only the rows it replaced.
import {
  FIRST_DATA_ROW,
  validateCell,
  type CellValue,
  type FormIssue,
  type FormRow,
  type FormTemplate,
} from '@oko/shared';
import { gridColumns, rowNumber, type GridColumn } from './sheet-model';

/** A check of one filled cell that the template cannot express (a code from the ОО's own list): message or null. */
export type CellCheck = (sheetKey: string, columnKey: string, value: CellValue) => string | null;

/** column key → message */
export type RowErrors = ReadonlyMap<string, string>;

export interface SheetErrors {
  byRow: ReadonlyMap<number, RowErrors>;
  count: number;
}

export interface ErrorItem {
  sheet: number;
  r: number;
  c: number;
  /** «D5» */
  address: string;
  sheetTitle: string;
  columnTitle: string;
  message: string;
}

/** Nothing typed: null, or only spaces (the shared validator reads such a cell as empty too). */
export function isBlankCell(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

interface Cached {
  r: number;
  all: boolean;
  errors: RowErrors | null;
}

export class ErrorCache {
  private readonly rows = new WeakMap<FormRow, Cached>();

  constructor(
    private readonly template: FormTemplate,
    private readonly extra?: CellCheck,
  ) {}

  /**
   * Problems of the sheet's cells. Until the first «Сдать отчет» (`all` false) only filled cells are judged, so a
   * fresh form is not a wall of «Обязательное поле»; after it, empty required cells are marked too.
   */
  sheet(sheetIndex: number, rows: readonly FormRow[], all: boolean): SheetErrors {
    const sheet = this.template.sheets[sheetIndex];
    const byRow = new Map<number, RowErrors>();
    let count = 0;
    if (!sheet) return { byRow, count };
    const data = { [sheet.key]: rows as FormRow[] };
    rows.forEach((row, r) => {
      let cached = this.rows.get(row);
      if (!cached || cached.r !== r || cached.all !== all) {
        let errors: Map<string, string> | null = null;
        for (const col of sheet.columns) {
          if (!all && isBlankCell(row[col.key])) continue;
          const value = row[col.key];
          const message =
            validateCell(this.template, sheet.key, r, col.key, data) ??
            (this.extra && !isBlankCell(value) ? this.extra(sheet.key, col.key, value ?? null) : null);
          if (message) (errors ??= new Map()).set(col.key, message);
        }
        cached = { r, all, errors };
        this.rows.set(row, cached);
      }
      if (cached.errors) {
        byRow.set(r, cached.errors);
        count += cached.errors.size;
      }
    });
    return { byRow, count };
  }
}

/** The errors of every sheet as a list in sheet, row and column order; at most `limit` of them. */
export function errorItems(template: FormTemplate, sheets: readonly SheetErrors[], limit = Infinity): ErrorItem[] {
  const items: ErrorItem[] = [];
  sheets.forEach((errs, s) => {
    const sheet = template.sheets[s];
    if (!sheet || errs.count === 0 || items.length >= limit) return;
    const cols = gridColumns(sheet);
    const rows = [...errs.byRow.keys()].sort((a, b) => a - b);
    for (const r of rows) {
      if (items.length >= limit) break;
      const rowErrors = errs.byRow.get(r)!;
      cols.forEach((col, c) => {
        const message = rowErrors.get(col.key);
        if (message) {
          items.push({
            sheet: s,
            r,
            c,
            address: `${col.letter}${rowNumber(r)}`,
            sheetTitle: sheet.title,
            columnTitle: col.title,
            message,
          });
        }
      });
    }
  });
  return items;
}

export interface IssuePlace {
  sheet: number;
  r: number;
  c: number;
}

/** The grid cell a FormIssue names (sheet title, worksheet row, column title or A1 cell), or null. */
export function locateIssue(template: FormTemplate, issue: FormIssue): IssuePlace | null {
  const s = template.sheets.findIndex((sh) => sh.title === issue.sheet || sh.key === issue.sheet);
  const sheet = template.sheets[s];
  if (!sheet) return null;
  const r = issue.row - FIRST_DATA_ROW;
  if (r < 0) return null;
  const cols: GridColumn[] = gridColumns(sheet);
  let c = -1;
  if (issue.cell) {
    const letters = /^([A-Z]+)\d+$/.exec(issue.cell)?.[1];
    c = cols.findIndex((col) => col.letter === letters);
  }
  if (c < 0 && issue.column) c = cols.findIndex((col) => col.title === issue.column);
  return { sheet: s, r, c: Math.max(c, 0) };
}
