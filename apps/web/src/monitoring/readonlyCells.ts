import type { CellValue, ColumnDef, FormRow, SheetDef } from '@oko/shared';

/** A stored cell as a person reads it: dates as dd.mm.yyyy, decimals with a comma, sums computed. */
export function cellText(col: ColumnDef, row: FormRow | undefined): string {
  const value: CellValue | undefined = row?.[col.key];
  if (col.kind === 'computed' && (value === undefined || value === null) && col.sumOf && row) {
    let sum = 0;
    for (const key of col.sumOf) {
      const v = row[key];
      if (typeof v === 'number') sum += v;
      else if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v.replace(',', '.')))) {
        sum += Number(v.replace(',', '.'));
      }
    }
    return String(sum).replace('.', ',');
  }
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (col.kind === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return `${m[3]}.${m[2]}.${m[1]}`;
  }
  return value;
}

/** The rows to show: every fixed row of the template (filled or not) or the free rows that were entered. */
export function sheetRows(sheet: SheetDef, rows: FormRow[]): { label: string | null; row: FormRow | undefined }[] {
  if (sheet.rows.mode === 'fixed') {
    const byKey = new Map(rows.map((r) => [r._row, r]));
    return sheet.rows.rows.map((fixed) => ({ label: fixed.label, row: byKey.get(fixed.key) }));
  }
  return rows.map((row) => ({ label: null, row }));
}
