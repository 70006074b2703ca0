import {
  cellAddress,
  columnLetter,
  dataColumnIndex,
  describeColumn,
  describeRows,
  describeRule,
  FIRST_DATA_ROW,
  HEADER_ROW,
  headerTitles,
  isIsoDate,
  isInputColumn,
  isoToUtcDate,
  labelColumnCount,
  ROW_KEY,
  type CellValue,
  type ColumnDef,
  type FormData,
  type FormRow,
  type FormTemplate,
  type SheetDef,
} from '@oko/shared';
import { FORM_CODE_PREFIX } from './form-xlsx-reader.ts';
import ExcelJS from 'exceljs';
import { neutralizeFormula } from './xlsx-safety.ts';

/** The XLSX face of a form: an instruction sheet, one sheet per SheetDef, a hidden sheet with the lists. */

export const INSTRUCTION_SHEET = 'Инструкция';
export const SERVICE_SHEET = 'Служебный';
/** Empty input rows a free sheet offers below its data (with dropdowns and typed checks), at most its max. */
export const MAX_PREPARED_ROWS = 2000;

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};
const EXCEL_MIN_DATE = new Date(Date.UTC(1900, 0, 1));
const EXCEL_MAX_DATE = new Date(Date.UTC(2100, 11, 31));

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/** A name no template sheet uses (a template could call a sheet «Инструкция»). */
function freeName(template: FormTemplate, wanted: string): string {
  const taken = new Set(template.sheets.map((s) => s.title.toLowerCase()));
  let name = wanted;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wanted} ${i}`;
  return name;
}

function isNumericItem(item: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(item) && String(Number(item)) === item;
}

/** Dictionary key → absolute range on the service sheet, e.g. 'Служебный'!$B$2:$B$9 (one column each). */
function dictionaryRanges(template: FormTemplate, serviceName: string): Map<string, string> {
  const ranges = new Map<string, string>();
  Object.entries(template.dictionaries).forEach(([key, items], i) => {
    const letter = columnLetter(i);
    ranges.set(key, `'${serviceName}'!$${letter}$${FIRST_DATA_ROW}:$${letter}$${FIRST_DATA_ROW + items.length - 1}`);
  });
  return ranges;
}

function writeServiceSheet(wb: ExcelJS.Workbook, name: string, template: FormTemplate): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { state: 'veryHidden' });
  Object.entries(template.dictionaries).forEach(([key, items], i) => {
    ws.getCell(HEADER_ROW, i + 1).value = key;
    items.forEach((item, j) => {
      // numeric items stay numbers so that a picked score adds up in SUM like a typed one
      ws.getCell(FIRST_DATA_ROW + j, i + 1).value = isNumericItem(item) ? Number(item) : neutralizeFormula(item);
    });
  });
  return ws;
}

function writeInstructionSheet(wb: ExcelJS.Workbook, name: string, template: FormTemplate): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { properties: { tabColor: { argb: 'FF4472C4' } } });
  ws.getColumn(1).width = 110;
  const wrap: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
  const line = (text: string, font?: Partial<ExcelJS.Font>): void => {
    const row = ws.addRow([neutralizeFormula(text)]);
    row.getCell(1).alignment = wrap;
    if (font) row.getCell(1).font = font;
  };
  line(template.title, { bold: true, size: 14 });
  line('');
  if (template.instruction.trim()) {
    for (const paragraph of template.instruction.split(/\n+/)) line(paragraph);
    line('');
  }
  line('Как заполнять этот файл', { bold: true, size: 12 });
  for (const rule of [
    'Заполняйте только белые ячейки. Серые ячейки (заголовки, подписи строк, сведения об ОО и вычисляемые столбцы) защищены и заполняются сами.',
    'Не переименовывайте и не удаляйте листы, не меняйте заголовки, не переставляйте и не добавляйте столбцы, не объединяйте ячейки и не вставляйте строки над заголовком.',
    'Вводите значения, а не формулы. Дробные числа можно писать с запятой (3,5), даты — в виде ДД.ММ.ГГГГ. В столбцах со списком выберите значение из выпадающего списка.',
    'Данные можно вставить из другой таблицы: выберите «Вставить значения», чтобы не переносить формулы и оформление.',
    'Сохраните файл в формате «Книга Excel (.xlsx)» и загрузите его на той же странице. Если в файле есть ошибки, сайт назовёт лист, строку и столбец каждой.',
  ]) {
    line(`• ${rule}`);
  }
  for (const sheet of template.sheets) {
    line('');
    line(`Лист «${sheet.title}»`, { bold: true, size: 12 });
    if (sheet.hint) line(sheet.hint);
    line(describeRows(sheet), { italic: true });
    for (const column of sheet.columns) {
      const hint = column.hint ? ` ${column.hint}` : '';
      line(`«${column.title}» — ${describeColumn(column, sheet, template.dictionaries)}.${hint}`);
    }
    for (const rule of sheet.rules ?? []) line(`Правило: ${describeRule(sheet, rule)}.`);
  }
  return ws;
}

function numFmt(column: ColumnDef): string | undefined {
  switch (column.kind) {
    case 'text':
      return '@';
    case 'date':
      return 'dd.mm.yyyy';
    case 'decimal':
      return column.decimals !== undefined && column.decimals > 0 ? `0.${'#'.repeat(column.decimals)}` : undefined;
    case 'integer':
      return '0';
    case 'list':
    case 'prefill':
    case 'computed':
      return undefined;
  }
}

function cellValue(column: ColumnDef, v: CellValue | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return v;
  if (column.kind === 'date' && isIsoDate(v)) return isoToUtcDate(v);
  if (column.kind === 'list' && isNumericItem(v)) return Number(v);
  return neutralizeFormula(v);
}

function rangeMessage(column: ColumnDef, what: string): string {
  const { min, max } = column;
  if (min !== undefined && max !== undefined) return `Введите ${what} от ${min} до ${max}`.replace(/\./g, ',');
  if (min !== undefined) return `Введите ${what} не меньше ${min}`.replace(/\./g, ',');
  if (max !== undefined) return `Введите ${what} не больше ${max}`.replace(/\./g, ',');
  return `Введите ${what}`;
}

/** Excel's own checks while typing; the reader checks again, since pasting bypasses them. */
function validationFor(column: ColumnDef, listRanges: Map<string, string>): ExcelJS.DataValidation | null {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: column.title.slice(0, 32),
  } as const;
  const bounds = (): { operator: ExcelJS.DataValidationOperator; formulae: number[] } => {
    const { min, max } = column;
    if (min !== undefined && max !== undefined) return { operator: 'between', formulae: [min, max] };
    if (min !== undefined) return { operator: 'greaterThanOrEqual', formulae: [min] };
    if (max !== undefined) return { operator: 'lessThanOrEqual', formulae: [max] };
    return { operator: 'between', formulae: [-1e15, 1e15] };
  };
  switch (column.kind) {
    case 'list': {
      const range = column.list ? listRanges.get(column.list) : undefined;
      if (!range) return null;
      return { ...common, type: 'list', formulae: [range], error: 'Выберите значение из списка' };
    }
    case 'integer':
      return { ...common, type: 'whole', ...bounds(), error: rangeMessage(column, 'целое число') };
    case 'decimal':
      return { ...common, type: 'decimal', ...bounds(), error: rangeMessage(column, 'число') };
    case 'date':
      return {
        ...common,
        type: 'date',
        operator: 'between',
        formulae: [EXCEL_MIN_DATE, EXCEL_MAX_DATE],
        error: 'Введите дату в виде ДД.ММ.ГГГГ',
      };
    case 'text':
      return column.maxLength !== undefined
        ? {
            ...common,
            type: 'textLength',
            operator: 'lessThanOrEqual',
            formulae: [column.maxLength],
            error: `Не длиннее ${column.maxLength} символов`,
          }
        : null;
    case 'prefill':
    case 'computed':
      return null;
  }
}

function defaultWidth(column: ColumnDef): number {
  if (column.width) return column.width;
  const byKind = column.kind === 'date' ? 12 : column.kind === 'text' ? 24 : 12;
  return Math.min(40, Math.max(byKind, Math.ceil(column.title.length * 0.9) + 2));
}

/** IF(COUNTA(…)=0,"",SUM(…)): an untouched row shows an empty total, as online. */
function sumFormula(sheet: SheetDef, column: ColumnDef, row: number): string {
  // adjacent columns become one range (C2:V2): twenty task scores stay a short formula in each of 1,500 rows
  const indexes = (column.sumOf ?? []).map((k) => dataColumnIndex(sheet, k)).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < indexes.length;) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j]! + 1) j++;
    const from = cellAddress(indexes[i]!, row);
    parts.push(j > i ? `${from}:${cellAddress(indexes[j]!, row)}` : from);
    i = j + 1;
  }
  const cells = parts.join(',');
  return cells ? `IF(COUNTA(${cells})=0,"",SUM(${cells}))` : '0';
}

async function writeDataSheet(
  wb: ExcelJS.Workbook,
  sheet: SheetDef,
  rows: FormRow[],
  template: FormTemplate,
  listRanges: Map<string, string>,
): Promise<void> {
  const offset = labelColumnCount(sheet);
  const ws = wb.addWorksheet(sheet.title, {
    views: [{ state: 'frozen', xSplit: offset, ySplit: HEADER_ROW, activeCell: cellAddress(offset, FIRST_DATA_ROW) }],
  });

  if (offset) ws.getColumn(1).width = Math.max(12, sheet.rows.mode === 'fixed' ? sheet.rows.labelTitle.length + 2 : 12);
  sheet.columns.forEach((column, i) => {
    const col = ws.getColumn(offset + i + 1);
    col.width = defaultWidth(column);
    // a free sheet stays open below the prepared rows too (a pasted range may be longer); the reader counts rows
    if (sheet.rows.mode === 'free' && isInputColumn(column.kind)) {
      col.protection = { locked: false };
      const fmt = numFmt(column);
      if (fmt) col.numFmt = fmt;
    }
  });

  // header: locked explicitly, since its cells would otherwise take the column's unlocked style
  const header = ws.getRow(HEADER_ROW);
  headerTitles(sheet).forEach((title, i) => {
    const cell = header.getCell(i + 1);
    cell.value = neutralizeFormula(title);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.protection = { locked: true };
    const column = sheet.columns[i - offset];
    const note = column
      ? [column.hint, describeColumn(column, sheet, template.dictionaries)].filter(Boolean).join('\n')
      : sheet.hint;
    if (note) cell.note = note;
  });
  header.height = 45;

  // data rows: fixed sheets in the template's order, free sheets as stored plus prepared empty rows
  let rowsToWrite: (FormRow | null)[];
  if (sheet.rows.mode === 'fixed') {
    const byKey = new Map(rows.map((r) => [r[ROW_KEY], r]));
    rowsToWrite = sheet.rows.rows.map((r) => byKey.get(r.key) ?? null);
  } else {
    // data already there plus room to add: with nothing stored this is min(max, 2000) rows
    const prepared = Math.max(rows.length, Math.min(sheet.rows.max, rows.length + MAX_PREPARED_ROWS));
    rowsToWrite = Array.from({ length: prepared }, (_, i) => rows[i] ?? null);
  }
  const styles = sheet.columns.map((column) => {
    const input = isInputColumn(column.kind);
    const style: Partial<ExcelJS.Style> = { border: THIN, protection: { locked: !input } };
    const fmt = numFmt(column);
    if (fmt) style.numFmt = fmt;
    if (!input) style.fill = GREY;
    return style;
  });
  rowsToWrite.forEach((row, i) => {
    const r = FIRST_DATA_ROW + i;
    const wsRow = ws.getRow(r);
    if (sheet.rows.mode === 'fixed') {
      const label = wsRow.getCell(1);
      label.value = neutralizeFormula(sheet.rows.rows[i]!.label);
      label.style = { fill: GREY, border: THIN, font: { bold: true }, protection: { locked: true } };
    }
    sheet.columns.forEach((column, c) => {
      // an empty prepared row of a free sheet writes only its formulas: the column's own style unlocks the input
      // cells, and 1,500 styled empty rows would make a 30-pupil file slow to read back
      if (!row && sheet.rows.mode === 'free' && column.kind !== 'computed') return;
      const cell = wsRow.getCell(offset + c + 1);
      cell.style = styles[c]!;
      if (column.kind === 'computed') {
        const result = row?.[column.key];
        cell.value = { formula: sumFormula(sheet, column, r), result: typeof result === 'number' ? result : '' };
      } else if (row) {
        cell.value = cellValue(column, row[column.key]);
      }
    });
  });

  const lastRow = FIRST_DATA_ROW + Math.max(0, rowsToWrite.length - 1);
  const validations = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  sheet.columns.forEach((column, c) => {
    const validation = validationFor(column, listRanges);
    if (!validation || rowsToWrite.length === 0) return;
    const letter = columnLetter(offset + c);
    validations.add(`${letter}${FIRST_DATA_ROW}:${letter}${lastRow}`, validation);
  });
  await ws.protect('', PROTECTION);
}

/** The form as a workbook for download: existing data and prefilled values written, input cells unlocked. */
export async function writeFormXlsx(template: FormTemplate, data: FormData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ОКО';
  wb.title = template.title;
  wb.keywords = FORM_CODE_PREFIX + template.code;
  wb.calcProperties = { fullCalcOnLoad: true };
  const instruction = freeName(template, INSTRUCTION_SHEET);
  const service = freeName(template, SERVICE_SHEET);
  const instructionSheet = writeInstructionSheet(wb, instruction, template);
  const listRanges = dictionaryRanges(template, service);
  for (const sheet of template.sheets) await writeDataSheet(wb, sheet, data[sheet.key] ?? [], template, listRanges);
  const serviceSheet = writeServiceSheet(wb, service, template);
  await instructionSheet.protect('', PROTECTION);
  await serviceSheet.protect('', PROTECTION);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
