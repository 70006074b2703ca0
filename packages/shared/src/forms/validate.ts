import { cellAddress, FIRST_DATA_ROW, labelColumnCount } from './cells.ts';
import { isIsoDate, parseDateText } from './dates.ts';
import {
  cleanNumber,
  decimalPlaces,
  formatNumberRu,
  isBlank,
  listForMessage,
  lookalikeKey,
  parseNumberText,
  plural,
} from './normalize.ts';
import { parseCellInput } from './parse-cell.ts';
import { isEmptyRow, ROW_KEY } from './resolve.ts';
import type {
  CellValue,
  ColumnDef,
  Condition,
  CrossRule,
  FormData,
  FormIssue,
  FormRow,
  FormTemplate,
  SheetDef,
} from './template.ts';

// ---------- computed columns ----------

function numericValue(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return parseNumberText(v);
  return null;
}

/** The sum of sumOf cells; X, text and empty count 0; a row with all of them empty sums to empty. */
export function computeValue(column: ColumnDef, row: FormRow): number | null {
  let sum = 0;
  let any = false;
  for (const key of column.sumOf ?? []) {
    const v = row[key];
    if (isBlank(v)) continue;
    any = true;
    sum += numericValue(v) ?? 0;
  }
  return any ? cleanNumber(sum) : null;
}

function computeRow(sheet: SheetDef, row: FormRow): FormRow {
  let out: FormRow | null = null;
  for (const c of sheet.columns) {
    if (c.kind !== 'computed') continue;
    out ??= { ...row };
    out[c.key] = computeValue(c, out);
  }
  return out ?? { ...row };
}

/** Recomputes every computed column; returns a new object (sheets the template does not know are copied). */
export function computeForm(template: FormTemplate, data: FormData): FormData {
  const out: FormData = {};
  for (const [key, rows] of Object.entries(data)) {
    const sheet = template.sheets.find((s) => s.key === key);
    out[key] = sheet ? rows.map((r) => computeRow(sheet, r)) : rows.map((r) => ({ ...r }));
  }
  return out;
}

// ---------- one cell ----------

const patternCache = new Map<string, RegExp | null>();

function wholeMatch(pattern: string): RegExp | null {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`, 'u');
    } catch {
      re = null;
    }
    patternCache.set(pattern, re);
  }
  return re;
}

function show(v: CellValue): string {
  if (typeof v === 'number') return formatNumberRu(v);
  if (v === null) return '';
  return v.length > 60 ? `${v.slice(0, 60)}…` : v;
}

function numberChecks(column: ColumnDef, n: number): string | null {
  if (column.kind === 'integer' && !Number.isInteger(n))
    return `Значение ${formatNumberRu(n)} должно быть целым числом`;
  if (column.kind === 'decimal' && column.decimals !== undefined && decimalPlaces(n) > column.decimals) {
    return column.decimals === 0
      ? `Значение ${formatNumberRu(n)} должно быть целым числом`
      : `В значении ${formatNumberRu(n)} больше ${column.decimals} ${plural(column.decimals, 'знака', 'знаков', 'знаков')} после запятой`;
  }
  if (column.min !== undefined && n < column.min) {
    return `Значение ${formatNumberRu(n)} меньше минимума ${formatNumberRu(column.min)}`;
  }
  if (column.max !== undefined && n > column.max) {
    return `Значение ${formatNumberRu(n)} больше максимума ${formatNumberRu(column.max)}`;
  }
  return null;
}

function textChecks(column: ColumnDef, s: string): string | null {
  if (column.maxLength !== undefined && s.length > column.maxLength) {
    return `Текст длиннее ${column.maxLength} ${plural(column.maxLength, 'символа', 'символов', 'символов')} (сейчас ${s.length})`;
  }
  if (column.pattern !== undefined) {
    const re = wholeMatch(column.pattern);
    if (re && !re.test(s)) return column.patternMessage ?? `Значение «${show(s)}» не подходит по формату`;
  }
  return null;
}

/** The problem with one stored value, or null; `dictionaries` for list membership. */
export function checkCellValue(
  column: ColumnDef,
  value: CellValue | undefined,
  dictionaries: Record<string, string[]>,
): string | null {
  if (column.kind === 'prefill') return null;
  if (isBlank(value))
    return column.required && column.kind !== 'computed' ? 'Обязательное поле: заполните ячейку' : null;
  const v = value as string | number;
  switch (column.kind) {
    case 'computed':
    case 'integer':
    case 'decimal': {
      if (typeof v !== 'number') {
        const parsed = parseCellInput(
          column.kind === 'computed' ? { ...column, kind: 'decimal' } : column,
          v,
          dictionaries,
        );
        return 'error' in parsed ? parsed.error : `Значение «${show(v)}» записано как текст, а должно быть числом`;
      }
      if (!Number.isFinite(v)) return 'Значение не является числом';
      return numberChecks(column, v);
    }
    case 'date':
      if (typeof v !== 'string' || !isIsoDate(v)) {
        return `Значение «${show(v)}» не является датой: введите дату в виде ДД.ММ.ГГГГ, например 01.09.2025`;
      }
      return null;
    case 'list': {
      const items = column.list ? dictionaries[column.list] : undefined;
      if (!items) return `Для столбца не найден справочник «${column.list ?? ''}»`;
      if (typeof v !== 'string' || !items.includes(v)) {
        return `Значения «${show(v)}» нет в списке. Допустимо: ${listForMessage(items)}`;
      }
      return null;
    }
    case 'text':
      return textChecks(column, typeof v === 'number' ? String(v) : v);
  }
}

// ---------- cross-column rules ----------

type Comparable = { n: number } | { s: string };

function comparable(v: CellValue | number | string | undefined): Comparable | null {
  if (v === undefined || isBlank(v)) return null;
  if (typeof v === 'number') return { n: v };
  const n = parseNumberText(v as string);
  if (n !== null) return { n };
  const date = isIsoDate((v as string).trim()) ? (v as string).trim() : parseDateText(v as string);
  if (date !== null) return { s: date };
  return { s: lookalikeKey(v as string) };
}

function compare(a: Comparable, b: Comparable): number | undefined {
  if ('n' in a && 'n' in b) return a.n === b.n ? 0 : a.n < b.n ? -1 : 1;
  if ('s' in a && 's' in b) return a.s === b.s ? 0 : a.s < b.s ? -1 : 1;
  return undefined;
}

/**
 * true / false, or undefined when an operand is empty and the comparison means nothing. A rule applies only
 * when its `if` is true, and fails only when its `then` is false: an empty cell breaks no comparison (the
 * `required` flag is the tool to demand it).
 */
export function evaluateCondition(cond: Condition, row: FormRow): boolean | undefined {
  const v = row[cond.column];
  switch (cond.op) {
    case 'empty':
      return isBlank(v);
    case 'notEmpty':
      return !isBlank(v);
    case 'in': {
      const a = comparable(v);
      if (a === null) return undefined;
      const options = Array.isArray(cond.value) ? cond.value : cond.value === undefined ? [] : [cond.value];
      return options.some((o) => {
        const b = comparable(o);
        return b !== null && compare(a, b) === 0;
      });
    }
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const a = comparable(v);
      const other = cond.otherColumn !== undefined ? row[cond.otherColumn] : cond.value;
      const b = Array.isArray(other) ? null : comparable(other);
      if (a === null || b === null) return undefined;
      const c = compare(a, b);
      if (c === undefined) return cond.op === 'eq' ? false : cond.op === 'ne' ? true : undefined;
      switch (cond.op) {
        case 'eq':
          return c === 0;
        case 'ne':
          return c !== 0;
        case 'gt':
          return c > 0;
        case 'gte':
          return c >= 0;
        case 'lt':
          return c < 0;
        case 'lte':
          return c <= 0;
      }
    }
  }
}

export function ruleFails(rule: CrossRule, row: FormRow): boolean {
  if (rule.if && evaluateCondition(rule.if, row) !== true) return false;
  return evaluateCondition(rule.then, row) === false;
}

// ---------- the whole form ----------

interface Located extends FormIssue {
  order: number;
}

class IssueList {
  readonly items: Located[] = [];
  constructor(private readonly sheetOrder: number) {}

  at(sheet: SheetDef, rowNumber: number, colIndex0: number | null, columnTitle: string | null, message: string): void {
    this.items.push({
      sheet: sheet.title,
      row: rowNumber,
      column: columnTitle,
      cell: colIndex0 === null ? null : cellAddress(colIndex0, rowNumber),
      message,
      order: this.sheetOrder * 1e9 + rowNumber * 1000 + (colIndex0 ?? -1) + 1,
    });
  }
}

function rowIssues(
  sheet: SheetDef,
  row: FormRow,
  rowNumber: number,
  dictionaries: Record<string, string[]>,
  out: IssueList,
): void {
  const computed = computeRow(sheet, row);
  const offset = labelColumnCount(sheet);
  sheet.columns.forEach((column, i) => {
    const message = checkCellValue(column, computed[column.key], dictionaries);
    if (message) out.at(sheet, rowNumber, offset + i, column.title, message);
  });
  for (const rule of sheet.rules ?? []) {
    const i = sheet.columns.findIndex((c) => c.key === rule.then.column);
    if (i < 0 || !ruleFails(rule, computed)) continue;
    out.at(sheet, rowNumber, offset + i, sheet.columns[i]!.title, rule.message);
  }
}

function fixedSheetIssues(
  sheet: SheetDef,
  rows: FormRow[],
  dictionaries: Record<string, string[]>,
  out: IssueList,
): void {
  if (sheet.rows.mode !== 'fixed') return;
  const { labelTitle } = sheet.rows;
  const position = new Map(sheet.rows.rows.map((r, i) => [r.key, i]));
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = row[ROW_KEY];
    const at = typeof key === 'string' ? position.get(key) : undefined;
    if (at === undefined) {
      out.at(sheet, FIRST_DATA_ROW + index, 0, labelTitle, `Строки «${show(key ?? null)}» нет в этой форме`);
      return;
    }
    const rowNumber = FIRST_DATA_ROW + at;
    const label = sheet.rows.mode === 'fixed' ? sheet.rows.rows[at]!.label : '';
    if (seen.has(key as string)) {
      out.at(sheet, rowNumber, 0, labelTitle, `Строка «${label}» встречается больше одного раза`);
      return;
    }
    seen.add(key as string);
    rowIssues(sheet, row, rowNumber, dictionaries, out);
  });
  sheet.rows.rows.forEach((r, i) => {
    if (!seen.has(r.key))
      out.at(sheet, FIRST_DATA_ROW + i, 0, labelTitle, `Нет строки «${r.label}»: её нельзя удалять`);
  });
}

function freeSheetIssues(
  sheet: SheetDef,
  rows: FormRow[],
  dictionaries: Record<string, string[]>,
  out: IssueList,
): void {
  if (sheet.rows.mode !== 'free') return;
  let filled = 0;
  let firstOver = -1;
  rows.forEach((row, index) => {
    if (isEmptyRow(sheet, row)) return;
    filled++;
    if (sheet.rows.mode === 'free' && filled === sheet.rows.max + 1) firstOver = index;
    rowIssues(sheet, row, FIRST_DATA_ROW + index, dictionaries, out);
  });
  if (firstOver >= 0) {
    out.at(
      sheet,
      FIRST_DATA_ROW + firstOver,
      null,
      null,
      `На листе «${sheet.title}» заполнено ${filled} ${plural(filled, 'строка', 'строки', 'строк')}, а допускается не больше ${sheet.rows.max}`,
    );
  }
}

/**
 * Every problem of the form, each located as the XLSX face shows it (sheet title, worksheet row, column title,
 * A1 cell), sorted by sheet, row and column. Sheets the template does not know get row 0 (the sheet as a whole).
 */
export function validateForm(template: FormTemplate, data: FormData): FormIssue[] {
  const all: Located[] = [];
  template.sheets.forEach((sheet, s) => {
    const out = new IssueList(s);
    const rows = data[sheet.key] ?? [];
    if (sheet.rows.mode === 'fixed') fixedSheetIssues(sheet, rows, template.dictionaries, out);
    else freeSheetIssues(sheet, rows, template.dictionaries, out);
    all.push(...out.items);
  });
  all.sort((a, b) => a.order - b.order);
  const known = new Set(template.sheets.map((s) => s.key));
  const unknown = Object.keys(data)
    .filter((k) => !known.has(k))
    .map((k) => ({ sheet: k, row: 0, column: null, cell: null, message: `Лист «${k}» не из этой формы` }));
  return [...all.map(({ order: _order, ...issue }) => issue), ...unknown];
}

/** The issues of one row (data index `rowIndex` of the sheet), for revalidating a row as the user types. */
export function validateRow(template: FormTemplate, sheetKey: string, rowIndex: number, data: FormData): FormIssue[] {
  const sheet = template.sheets.find((s) => s.key === sheetKey);
  const row = data[sheetKey]?.[rowIndex];
  if (!sheet || !row) return [];
  if (sheet.rows.mode === 'free' && isEmptyRow(sheet, row)) return [];
  let rowNumber = FIRST_DATA_ROW + rowIndex;
  if (sheet.rows.mode === 'fixed') {
    const at = sheet.rows.rows.findIndex((r) => r.key === row[ROW_KEY]);
    if (at >= 0) rowNumber = FIRST_DATA_ROW + at;
  }
  const out = new IssueList(0);
  rowIssues(sheet, row, rowNumber, template.dictionaries, out);
  return out.items.map(({ order: _order, ...issue }) => issue);
}

/**
 * The issues of one row located at worksheet row `rowNumber`, computed columns recomputed first: the XLSX
 * reader knows where each row really is (a user may have sorted the rows of a fixed sheet).
 */
export function validateRowAt(template: FormTemplate, sheet: SheetDef, row: FormRow, rowNumber: number): FormIssue[] {
  const out = new IssueList(0);
  rowIssues(sheet, row, rowNumber, template.dictionaries, out);
  return out.items.map(({ order: _order, ...issue }) => issue);
}

/**
 * The message for one cell as the user types (its own checks, then the cross rules of its row that point at
 * it), or null. A change can break a rule located in another cell of the row: revalidate the row's cells.
 */
export function validateCell(
  template: FormTemplate,
  sheetKey: string,
  rowIndex: number,
  columnKey: string,
  data: FormData,
): string | null {
  const sheet = template.sheets.find((s) => s.key === sheetKey);
  const row = data[sheetKey]?.[rowIndex];
  const column = sheet?.columns.find((c) => c.key === columnKey);
  if (!sheet || !row || !column) return null;
  if (sheet.rows.mode === 'free' && isEmptyRow(sheet, row)) return null;
  const computed = computeRow(sheet, row);
  const own = checkCellValue(column, computed[columnKey], template.dictionaries);
  if (own) return own;
  for (const rule of sheet.rules ?? []) {
    if (rule.then.column === columnKey && ruleFails(rule, computed)) return rule.message;
  }
  return null;
}
