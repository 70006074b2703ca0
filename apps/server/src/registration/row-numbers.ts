import { labelColumnCount, type SheetDef } from '@oko/shared';
import ExcelJS from 'exceljs';

/**
 * The worksheet row of each data row the reader returned for a free sheet. readFormXlsx skips empty
 * rows and answers the data alone, while the registration flows name the row of each business error,
 * so the accepted file is walked once more with the reader's notion of an empty row. Only called on a
 * file the reader has accepted (the size and shape checks are behind us).
 */
export async function freeSheetRowNumbers(bytes: Buffer, sheet: SheetDef): Promise<number[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer, {
    ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'mergeCells', 'hyperlinks', 'cols'],
  });
  const ws = wb.getWorksheet(sheet.title);
  if (!ws) return [];
  const offset = labelColumnCount(sheet);
  const inputs = sheet.columns
    .map((c, i) => ({ kind: c.kind, col: offset + i + 1 }))
    .filter((c) => c.kind !== 'prefill' && c.kind !== 'computed');
  const out: number[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (row && inputs.some((c) => !blank(row.findCell(c.col)?.value))) out.push(r);
  }
  return out;
}

function blank(v: ExcelJS.CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.every((t) => t.text.trim() === '');
  return false;
}
