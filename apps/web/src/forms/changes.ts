// The cells a user changed since the last save: listed in the conflict message, kept in the browser as a draft
// and re-applied on top of the newer data after a reload («Восстановить мои изменения»).
import { ROW_KEY, type CellValue, type FormData, type FormRow, type FormTemplate } from '@oko/shared';
import { displayValue, gridColumns, maxRows, rowNumber } from './sheet-model';

export interface CellChange {
  sheet: string;
  /** position in the sheet's rows */
  row: number;
  /** the fixed row's key: fixed rows are matched by it, not by position */
  rowKey: string | null;
  column: string;
  value: CellValue;
}

const same = (a: CellValue | undefined, b: CellValue | undefined) => (a ?? null) === (b ?? null);

/** Cell by cell, what `current` holds that `base` does not (only the template's input columns). */
export function diffData(template: FormTemplate, base: FormData, current: FormData): CellChange[] {
  const out: CellChange[] = [];
  for (const sheet of template.sheets) {
    const before = base[sheet.key] ?? [];
    const after = current[sheet.key] ?? [];
    const inputs = sheet.columns.filter((c) => c.kind !== 'prefill' && c.kind !== 'computed');
    const rows = Math.max(before.length, after.length);
    for (let r = 0; r < rows; r++) {
      const a = before[r];
      const b = after[r];
      if (a === b) continue;
      const rowKey = typeof b?.[ROW_KEY] === 'string' ? (b[ROW_KEY] as string) : null;
      for (const c of inputs) {
        if (!same(a?.[c.key], b?.[c.key])) {
          out.push({ sheet: sheet.key, row: r, rowKey, column: c.key, value: b?.[c.key] ?? null });
        }
      }
    }
  }
  return out;
}

/** `changes` applied to `data`; cells that already hold the value are left alone, rows past the limit dropped. */
export function applyChanges(template: FormTemplate, data: FormData, changes: CellChange[]): FormData {
  const out: FormData = { ...data };
  const copied = new Set<FormRow>();
  for (const ch of changes) {
    const sheet = template.sheets.find((s) => s.key === ch.sheet);
    if (!sheet) continue;
    const rows = out[sheet.key] === data[sheet.key] ? (data[sheet.key] ?? []).slice() : out[sheet.key]!;
    out[sheet.key] = rows;
    let index = ch.row;
    if (sheet.rows.mode === 'fixed') {
      index = rows.findIndex((r) => r[ROW_KEY] === ch.rowKey);
      if (index < 0) continue;
    } else {
      if (index >= maxRows(sheet)) continue;
      while (rows.length <= index) rows.push({});
    }
    const row = rows[index]!;
    if (same(row[ch.column], ch.value)) continue;
    const copy = copied.has(row) ? row : { ...row };
    copied.add(copy);
    copy[ch.column] = ch.value;
    rows[index] = copy;
  }
  return out;
}

/** The changes that `data` does not already hold (and that still have a cell to land in). */
export function pendingChanges(template: FormTemplate, data: FormData, changes: CellChange[]): CellChange[] {
  return changes.filter((ch) => {
    const sheet = template.sheets.find((s) => s.key === ch.sheet);
    if (!sheet) return false;
    const rows = data[sheet.key] ?? [];
    if (sheet.rows.mode === 'fixed') {
      const row = rows.find((r) => r[ROW_KEY] === ch.rowKey);
      return row !== undefined && !same(row[ch.column], ch.value);
    }
    return ch.row < maxRows(sheet) && !same(rows[ch.row]?.[ch.column], ch.value);
  });
}

/** «Общие сведения, D2 «Число обучающихся»: 120» — for the conflict message and the restore offer. */
export function describeChange(template: FormTemplate, ch: CellChange): string {
  const sheet = template.sheets.find((s) => s.key === ch.sheet);
  if (!sheet) return ch.column;
  const col = gridColumns(sheet).find((c) => c.key === ch.column);
  if (!col) return `${sheet.title}: ${ch.column}`;
  const shown = displayValue(col, ch.value);
  return `${sheet.title}, ${col.letter}${rowNumber(ch.row)} «${col.title}»: ${shown === '' ? 'очищено' : shown}`;
}
