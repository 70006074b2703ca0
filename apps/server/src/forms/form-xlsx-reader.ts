import {
  applyPrefill,
  columnIndexOf,
  computeForm,
  FIRST_DATA_ROW,
  formText,
  headerTitles,
  validateRowAt,
  type FormData,
  type FormIssue,
  type FormTemplate,
  type OrgAttributes,
  type SheetDef,
} from '@oko/shared';
import ExcelJS from 'exceljs';
import {
  checkHeader,
  readFixedSheet,
  readFreeSheet,
  sameTitle,
  type ReadRow,
  type SheetContext,
} from './form-sheet-reader.ts';
import { formParsing } from './parse-limiter.ts';
import { Issues, refusal } from './read-issues.ts';
import {
  CONTAINER_MESSAGES,
  describeXlsxContainer,
  verifyDeclaredSizes,
  type ContainerLimits,
} from './xlsx-container.ts';
import { mergedRanges, worksheetEntries } from './xlsx-parts.ts';
import type { ZipEntryInfo } from './zip-directory.ts';

/**
 * The XLSX face read back: the file must be this template (sheets, headers, no merges, no formulas in input
 * cells), every cell goes through the same parseCellInput and validation as the online table, and every
 * refusal names sheet, row and column in Russian. Bad input never throws.
 */

export interface ReadFormOptions {
  /** the ОО whose attributes fill the prefill columns; without it they are left empty */
  org?: OrgAttributes;
  /** cap on data rows per sheet, on top of the template's own (fixed rows, free max) */
  maxRows?: number;
  limits?: ContainerLimits;
}

export type ReadFormResult =
  | {
      ok: true;
      data: FormData;
      /** sheet key → the worksheet row each data row came from (the reader skips empty rows) */
      rowNumbers: Record<string, number[]>;
    }
  | { ok: false; message: string; issues: FormIssue[] };

/** Marks the file with its form's code (document keywords): an upload of another form is named, not guessed. */
export const FORM_CODE_PREFIX = 'oko-form:';

export { MAX_REPORTED_ISSUES } from './read-issues.ts';

/** Generous bytes per cell of worksheet XML: a sheet far bigger than its rows could need is refused unread. */
const BYTES_PER_CELL = 300;
const SHEET_SIZE_FLOOR = 2 * 1024 * 1024;
const OTHER_PARTS_ALLOWANCE = 16 * 1024 * 1024;
/** Parts of a worksheet the reader does not need; mergeCells is read from the XML by the reader itself. */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst', 'mergeCells', 'hyperlinks', 'cols'];

const { listForMessage, plural } = formText;

function rowLimit(sheet: SheetDef, opts: ReadFormOptions): number {
  const own = sheet.rows.mode === 'fixed' ? sheet.rows.rows.length : sheet.rows.max;
  return Math.min(own, opts.maxRows ?? Number.POSITIVE_INFINITY);
}

function sheetByteCap(sheet: SheetDef, opts: ReadFormOptions): number {
  return SHEET_SIZE_FLOOR + (rowLimit(sheet, opts) + 100) * (headerTitles(sheet).length + 2) * BYTES_PER_CELL;
}

function mb(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / (1024 * 1024)))} МБ`;
}

function refuseFile(message: string): ReadFormResult {
  return { ok: false, message, issues: [] };
}

// ---------- before exceljs ----------

/** Sizes and merges, judged on the raw parts; also proves no part inflates past its declared size. */
function checkParts(
  template: FormTemplate,
  bytes: Buffer,
  entries: ZipEntryInfo[],
  opts: ReadFormOptions,
  issues: Issues,
): string | null {
  const parts = worksheetEntries(bytes, entries);
  const templateParts = new Map<string, SheetDef>();
  template.sheets.forEach((sheet, s) => {
    const entry = parts.get(sheet.title);
    if (!entry) return;
    templateParts.set(entry.name, sheet);
    const cap = sheetByteCap(sheet, opts);
    if (entry.uncompressedSize > cap) {
      const limit = rowLimit(sheet, opts);
      issues.add(
        s,
        sheet.title,
        FIRST_DATA_ROW + limit,
        null,
        null,
        `Лист «${sheet.title}» слишком большой: ${mb(entry.uncompressedSize)} данных, а в этой форме не больше ${limit} ${plural(limit, 'строки', 'строк', 'строк')}. ` +
          'Похоже, ниже или правее таблицы много лишних строк или столбцов: удалите их и сохраните файл заново',
      );
    }
  });
  for (const [name, entry] of parts) {
    if (templateParts.has(entry.name) || entry.uncompressedSize <= OTHER_PARTS_ALLOWANCE) continue;
    issues.add(
      template.sheets.length,
      name,
      0,
      null,
      null,
      `Лист «${name}» слишком большой (${mb(entry.uncompressedSize)}) и не относится к форме: удалите его и сохраните файл заново`,
    );
  }
  if (issues.size) return null;
  const allowed = template.sheets.reduce((sum, s) => sum + sheetByteCap(s, opts), OTHER_PARTS_ALLOWANCE);
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > allowed) {
    return `Файл слишком большой для этой формы: ${mb(total)} после распаковки при допустимых ${mb(allowed)}. Удалите лишние листы, строки и рисунки и сохраните файл заново`;
  }
  // one pass: each part is inflated once, capped at its declared size; sheet parts are searched for merges
  const verified = verifyDeclaredSizes(bytes, entries, (entry, data) => {
    const sheet = templateParts.get(entry.name);
    if (!sheet) return;
    const s = template.sheets.indexOf(sheet);
    for (const range of mergedRanges(data.toString('utf8'))) {
      const first = /^[A-Z]+(\d+)/.exec(range);
      issues.add(
        s,
        sheet.title,
        first ? Number(first[1]) : 0,
        null,
        null,
        `Объединённые ячейки ${range}: разъедините их (Главная → «Объединить и поместить в центре» → «Отменить объединение ячеек») и заполните каждую ячейку отдельно`,
      );
    }
  });
  return verified.ok ? null : verified.message;
}

// ---------- the book ----------

export function readFormXlsx(
  template: FormTemplate,
  bytes: Buffer,
  opts: ReadFormOptions = {},
): Promise<ReadFormResult> {
  return formParsing.run(() => readBook(template, bytes, opts));
}

async function readBook(template: FormTemplate, bytes: Buffer, opts: ReadFormOptions): Promise<ReadFormResult> {
  const container = describeXlsxContainer(bytes, opts.limits);
  if (!container.ok) return refuseFile(container.message);
  const issues = new Issues();
  const partProblem = checkParts(template, bytes, container.entries, opts, issues);
  if (partProblem) return refuseFile(partProblem);
  if (issues.size) return refusal(issues);

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES });
  } catch {
    return refuseFile(CONTAINER_MESSAGES.corrupt);
  }
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  const mark = typeof wb.keywords === 'string' ? wb.keywords.trim() : '';
  if (mark.startsWith(FORM_CODE_PREFIX) && mark !== FORM_CODE_PREFIX + template.code) {
    const what =
      typeof wb.title === 'string' && wb.title.trim() ? wb.title.trim() : mark.slice(FORM_CODE_PREFIX.length);
    return refuseFile(
      `Это файл другой формы: «${what}». Сюда загружается «${template.title}»: скачайте бланк этой формы и перенесите данные в него`,
    );
  }

  const found = wb.worksheets.map((w) => w.name);
  const read = new Map<string, ReadRow[]>();
  template.sheets.forEach((sheet, s) => {
    const ws = wb.worksheets.find((w) => w.name === sheet.title);
    if (!ws) {
      const near = found.find((n) => sameTitle(n, sheet.title));
      issues.add(
        s,
        sheet.title,
        0,
        null,
        null,
        near
          ? `Лист называется «${near}», а должен называться «${sheet.title}»: верните листу прежнее имя`
          : `Нет листа «${sheet.title}»: в файле ${found.length ? `листы ${listForMessage(found)}` : 'нет листов'}. Не переименовывайте и не удаляйте листы бланка — скачайте бланк заново`,
      );
      return;
    }
    if (!checkHeader(ws, sheet, s, issues)) return;
    const ctx: SheetContext = { sheet, s, template, org: opts.org ?? null, date1904, issues };
    read.set(
      sheet.key,
      sheet.rows.mode === 'fixed' ? readFixedSheet(ctx, ws) : readFreeSheet(ctx, ws, rowLimit(sheet, opts)),
    );
  });

  // the same rules as online, each issue at the row where the user will look for it; a cell that could not
  // be read already has its issue, so its emptiness is not reported again
  template.sheets.forEach((sheet, s) => {
    for (const { row, rowNumber } of read.get(sheet.key) ?? []) {
      for (const issue of validateRowAt(template, sheet, row, rowNumber)) {
        if (issues.hasCell(s, issue.cell)) continue;
        const col = issue.cell ? /^[A-Z]+/.exec(issue.cell)![0] : null;
        issues.add(s, issue.sheet, issue.row, col ? columnIndexOf(col) : null, issue.column, issue.message);
      }
    }
  });
  if (issues.size) return refusal(issues);

  const data: FormData = {};
  const rowNumbers: Record<string, number[]> = {};
  for (const sheet of template.sheets) {
    const rows = read.get(sheet.key) ?? [];
    data[sheet.key] = rows.map((r) => r.row);
    rowNumbers[sheet.key] = rows.map((r) => r.rowNumber);
  }
  return { ok: true, data: computeForm(template, applyPrefill(template, data, opts.org ?? null)), rowNumbers };
}
