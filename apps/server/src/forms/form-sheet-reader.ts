import {
  cellAddress,
  FIRST_DATA_ROW,
  formText,
  HEADER_ROW,
  headerTitles,
  isInputColumn,
  labelColumnCount,
  lookalikeKey,
  parseCellInput,
  ROW_KEY,
  type FormRow,
  type FormTemplate,
  type OrgAttributes,
  type SheetDef,
} from '@oko/shared';
import type ExcelJS from 'exceljs';
import type { Issues } from './read-issues.ts';
import { restoreNeutralized } from './xlsx-safety.ts';

/**
 * One worksheet of an uploaded form, as exceljs loaded it: the header must be the template's, each input cell
 * goes through parseCellInput, fixed rows are found by their label, free rows are counted.
 */

const { collapseSpaces, isBlank, listForMessage, plural } = formText;

type Raw = ExcelJS.CellValue | undefined;

function isFormula(v: Raw): boolean {
  return typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);
}

/** Visible text of a header or label cell (a formula counts by its result). */
function cellText(v: Raw): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result as Raw);
  if ('text' in v) return cellText(v.text as Raw);
  return '';
}

export function sameTitle(a: string, b: string): boolean {
  return collapseSpaces(a).toLowerCase().replace(/ё/g, 'е') === collapseSpaces(b).toLowerCase().replace(/ё/g, 'е');
}

function shown(s: string): string {
  const c = collapseSpaces(s);
  return c.length > 60 ? `${c.slice(0, 60)}…` : c;
}

export function checkHeader(ws: ExcelJS.Worksheet, sheet: SheetDef, s: number, issues: Issues): boolean {
  const expected = headerTitles(sheet);
  const before = issues.size;
  const headerRow = ws.findRow(HEADER_ROW);
  const texts = (row: ExcelJS.Row | undefined, width: number): string[] =>
    Array.from({ length: width }, (_, i) => collapseSpaces(cellText(row?.findCell(i + 1)?.value)));
  const width = Math.max(expected.length, headerRow?.cellCount ?? 0);
  const actual = texts(headerRow, width);

  const matches = (row: string[]): boolean => expected.every((t, i) => sameTitle(row[i] ?? '', t));
  if (!matches(actual)) {
    for (let r = HEADER_ROW + 1; r <= Math.min(ws.rowCount, 30); r++) {
      if (matches(texts(ws.findRow(r), expected.length))) {
        issues.add(
          s,
          sheet.title,
          HEADER_ROW,
          null,
          null,
          `Строка 1 листа «${sheet.title}» должна быть заголовком (${listForMessage(expected, 4)}), а заголовок найден в строке ${r}: удалите ${r - 1 === 1 ? 'строку 1' : `строки 1–${r - 1}`} над ним`,
        );
        return false;
      }
    }
  }
  expected.forEach((title, i) => {
    const got = actual[i] ?? '';
    if (sameTitle(got, title)) return;
    const at = actual.findIndex((a) => sameTitle(a, title));
    const where =
      at >= 0 ? `; столбец «${title}» стоит в ${cellAddress(at, HEADER_ROW)} — верните столбцы в порядок бланка` : '';
    const message = got
      ? `В ячейке ${cellAddress(i, HEADER_ROW)} заголовок «${shown(got)}», а должен быть «${title}»${where}`
      : `В ячейке ${cellAddress(i, HEADER_ROW)} нет заголовка «${title}»${where}`;
    issues.add(s, sheet.title, HEADER_ROW, i, title, message);
  });
  for (let i = expected.length; i < width; i++) {
    const got = actual[i] ?? '';
    if (!got) continue;
    issues.add(
      s,
      sheet.title,
      HEADER_ROW,
      i,
      shown(got),
      `Лишний столбец «${shown(got)}» в ячейке ${cellAddress(i, HEADER_ROW)}: в форме только столбцы ${listForMessage(expected, 6)}. Удалите его`,
    );
  }
  return issues.size === before;
}

export interface ReadRow {
  row: FormRow;
  rowNumber: number;
}

export interface SheetContext {
  sheet: SheetDef;
  s: number;
  template: FormTemplate;
  org: OrgAttributes | null;
  date1904: boolean;
  issues: Issues;
}

function prefillRow(ctx: SheetContext, row: FormRow): FormRow {
  for (const c of ctx.sheet.columns) {
    if (c.kind === 'prefill') row[c.key] = c.prefill && ctx.org ? ctx.org[c.prefill] : null;
  }
  return row;
}

/** One worksheet row → a FormRow of parsed input values; parse problems are reported at their cells. */
function readRow(ctx: SheetContext, wsRow: ExcelJS.Row, r: number): { row: FormRow; empty: boolean } {
  const { sheet, s, template, issues } = ctx;
  const offset = labelColumnCount(sheet);
  const row: FormRow = {};
  let empty = true;
  sheet.columns.forEach((column, i) => {
    if (!isInputColumn(column.kind)) return;
    let raw = wsRow.findCell(offset + i + 1)?.value as Raw;
    if (raw === null || raw === undefined || raw === '') {
      row[column.key] = null;
      return;
    }
    if (isFormula(raw)) {
      empty = false;
      row[column.key] = null;
      const f = raw as { formula?: string };
      const text = f.formula ? `«=${shown(f.formula)}»` : '';
      issues.add(
        s,
        sheet.title,
        r,
        offset + i,
        column.title,
        `В ячейке формула ${text}: введите значение, а не формулу (скопируйте и вставьте как значения)`.replace(
          '  ',
          ' ',
        ),
      );
      return;
    }
    if (typeof raw === 'string' && column.kind === 'text') raw = restoreNeutralized(raw);
    if (typeof raw === 'number' && column.kind === 'date' && ctx.date1904) raw += 1462;
    const parsed = parseCellInput(column, raw, template.dictionaries);
    if ('error' in parsed) {
      empty = false;
      row[column.key] = null;
      issues.add(s, sheet.title, r, offset + i, column.title, parsed.error);
      return;
    }
    if (parsed.value !== null) empty = false;
    row[column.key] = parsed.value;
  });
  return { row, empty };
}

/** Anything written right of the table is a column the form does not have. */
function checkBeyondTable(ctx: SheetContext, wsRow: ExcelJS.Row, r: number): void {
  const width = headerTitles(ctx.sheet).length;
  for (let c = width + 1; c <= wsRow.cellCount; c++) {
    const v = wsRow.findCell(c)?.value as Raw;
    if (v === null || v === undefined || isBlank(cellText(v))) continue;
    ctx.issues.add(
      ctx.s,
      ctx.sheet.title,
      r,
      c - 1,
      null,
      `В ячейке ${cellAddress(c - 1, r)} данные правее таблицы («${shown(cellText(v))}»): в форме нет такого столбца. Удалите их`,
    );
    return;
  }
}

export function readFreeSheet(ctx: SheetContext, ws: ExcelJS.Worksheet, limit: number): ReadRow[] {
  const { sheet } = ctx;
  const rows: ReadRow[] = [];
  let filled = 0;
  let firstOver = 0;
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
    const wsRow = ws.findRow(r);
    if (!wsRow) continue;
    checkBeyondTable(ctx, wsRow, r);
    const { row, empty } = readRow(ctx, wsRow, r);
    if (empty) continue;
    filled++;
    if (filled === limit + 1) firstOver = r;
    rows.push({ row: prefillRow(ctx, row), rowNumber: r });
  }
  if (filled > limit) {
    ctx.issues.add(
      ctx.s,
      sheet.title,
      firstOver,
      null,
      null,
      `На листе «${sheet.title}» заполнено ${filled} ${plural(filled, 'строка', 'строки', 'строк')}, а допускается не больше ${limit}: лишние начинаются со строки ${firstOver}`,
    );
  }
  return rows;
}

export function readFixedSheet(ctx: SheetContext, ws: ExcelJS.Worksheet): ReadRow[] {
  const { sheet, s, issues } = ctx;
  if (sheet.rows.mode !== 'fixed') return [];
  const { labelTitle, rows: fixed } = sheet.rows;
  const exact = new Map(fixed.map((f, i) => [collapseSpaces(f.label).toLowerCase(), i]));
  const folded = new Map<string, number>();
  fixed.forEach((f, i) => {
    const k = lookalikeKey(f.label);
    folded.set(k, folded.has(k) ? -1 : i);
  });
  const seenAt = new Map<number, number>();
  const out: ReadRow[] = [];
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
    const wsRow = ws.findRow(r);
    if (!wsRow) continue;
    checkBeyondTable(ctx, wsRow, r);
    const label = collapseSpaces(cellText(wsRow.findCell(1)?.value as Raw));
    const { row, empty } = readRow(ctx, wsRow, r);
    if (!label) {
      if (!empty) {
        issues.add(
          s,
          sheet.title,
          r,
          0,
          labelTitle,
          `Строка заполнена, но в столбце «${labelTitle}» пусто: не добавляйте строки и не стирайте подписи`,
        );
      }
      continue;
    }
    const at = exact.get(label.toLowerCase()) ?? folded.get(lookalikeKey(label)) ?? -1;
    if (at < 0) {
      issues.add(
        s,
        sheet.title,
        r,
        0,
        labelTitle,
        `«${shown(label)}» нет среди строк этой формы (${listForMessage(fixed.map((f) => f.label))}): не добавляйте и не переименовывайте строки`,
      );
      continue;
    }
    const earlier = seenAt.get(at);
    if (earlier !== undefined) {
      issues.add(
        s,
        sheet.title,
        r,
        0,
        labelTitle,
        `Строка «${fixed[at]!.label}» повторяется: она уже есть в строке ${earlier}`,
      );
      continue;
    }
    seenAt.set(at, r);
    row[ROW_KEY] = fixed[at]!.key;
    out.push({ row: prefillRow(ctx, row), rowNumber: r });
  }
  fixed.forEach((f, i) => {
    if (!seenAt.has(i)) {
      issues.add(
        s,
        sheet.title,
        FIRST_DATA_ROW + i,
        null,
        labelTitle,
        `Нет строки «${f.label}» (столбец «${labelTitle}»): строки нельзя удалять — скачайте бланк заново`,
      );
    }
  });
  const order = new Map(fixed.map((f, i) => [f.key, i]));
  return out.sort((a, b) => order.get(a.row[ROW_KEY] as string)! - order.get(b.row[ROW_KEY] as string)!);
}
