// How a template sheet becomes a grid: the columns as shown (a fixed sheet's label column first, as in the XLSX),
// values as text for the cells, typed text back into stored values, and copy-on-write edits of the rows.
import {
  FIRST_DATA_ROW,
  ROW_KEY,
  columnLetter,
  computeForm,
  formatNumberRu,
  initialData,
  isoToRu,
  parseCellInput,
  type CellValue,
  type ColumnDef,
  type ColumnKind,
  type FormData,
  type FormRow,
  type FormTemplate,
  type OrgAttributes,
  type SheetDef,
} from '@oko/shared';

export interface GridColumn {
  /** the template column key; '_label' for the label column of a fixed sheet */
  key: string;
  title: string;
  hint: string | undefined;
  kind: ColumnKind | 'label';
  readOnly: boolean;
  /** null for the label column */
  def: ColumnDef | null;
  /** pixels */
  width: number;
  /** A, B, C… as in the downloaded XLSX */
  letter: string;
}

export const LABEL_KEY = '_label';

const KIND_WIDTH: Record<ColumnKind, number> = {
  text: 20,
  integer: 12,
  decimal: 12,
  date: 12,
  list: 20,
  prefill: 18,
  computed: 12,
};

function px(chars: number): number {
  return Math.round(Math.min(Math.max(chars, 6), 60) * 8.5 + 18);
}

export function gridColumns(sheet: SheetDef): GridColumn[] {
  const cols: GridColumn[] = [];
  if (sheet.rows.mode === 'fixed') {
    const longest = Math.max(sheet.rows.labelTitle.length, ...sheet.rows.rows.map((r) => r.label.length));
    cols.push({
      key: LABEL_KEY,
      title: sheet.rows.labelTitle,
      hint: undefined,
      kind: 'label',
      readOnly: true,
      def: null,
      width: px(Math.min(longest + 2, 40)),
      letter: '',
    });
  }
  for (const def of sheet.columns) {
    cols.push({
      key: def.key,
      title: def.title,
      hint: def.hint,
      kind: def.kind,
      readOnly: def.kind === 'prefill' || def.kind === 'computed',
      def,
      width: px(def.width ?? Math.max(KIND_WIDTH[def.kind], Math.min(def.title.length, 24))),
      letter: '',
    });
  }
  return cols.map((c, i) => ({ ...c, letter: columnLetter(i) }));
}

/** The row number shown at the left, the same as the worksheet row in the XLSX and in error messages. */
export function rowNumber(rowIndex: number): number {
  return FIRST_DATA_ROW + rowIndex;
}

/** The label of a fixed row, empty on free sheets. */
export function rowLabel(sheet: SheetDef, rowIndex: number): string {
  return sheet.rows.mode === 'fixed' ? (sheet.rows.rows[rowIndex]?.label ?? '') : '';
}

/** A stored value as the cell shows it: 3,5 with a comma, dates as ДД.ММ.ГГГГ, unparsed input as typed. */
export function displayValue(col: GridColumn, value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumberRu(value);
  if (col.kind === 'date') return isoToRu(value);
  return value;
}

export function cellText(sheet: SheetDef, col: GridColumn, row: FormRow | undefined, rowIndex: number): string {
  if (col.kind === 'label') return rowLabel(sheet, rowIndex);
  return displayValue(col, row?.[col.key]);
}

/**
 * Typed or pasted text as the value to store. Text that cannot be read (letters in a number, an unknown list
 * item) is stored as typed, so nothing is lost: the validator marks the cell, the user corrects it.
 */
export function inputValue(col: GridColumn, raw: string, dictionaries: Record<string, string[]>): CellValue {
  if (!col.def || col.readOnly) return null;
  const parsed = parseCellInput(col.def, raw, dictionaries);
  if ('value' in parsed) return parsed.value;
  return raw.trim();
}

export interface CellEdit {
  r: number;
  key: string;
  value: CellValue;
}

/**
 * The sheet's rows with `edits` applied: only edited rows are new objects (the grid redraws only them), and their
 * computed columns are recomputed. Free sheets grow to the highest edited row.
 */
export function applyEdits(
  template: FormTemplate,
  sheet: SheetDef,
  rows: FormRow[],
  edits: CellEdit[],
  attrs: OrgAttributes | null = null,
): FormRow[] {
  if (edits.length === 0) return rows;
  const out = rows.slice();
  const touched = new Map<number, FormRow>();
  for (const e of edits) {
    while (out.length <= e.r) out.push(blankRow(sheet, attrs));
    let row = touched.get(e.r);
    if (!row) {
      row = { ...out[e.r] };
      touched.set(e.r, row);
    }
    row[e.key] = e.value;
  }
  const changed = [...touched.keys()];
  const computed = computeForm(template, { [sheet.key]: changed.map((i) => touched.get(i)!) })[sheet.key] ?? [];
  changed.forEach((i, n) => {
    out[i] = computed[n] ?? touched.get(i)!;
  });
  return out;
}

/** A new row of a free sheet: empty, with the read-only columns that show the ОО's attributes filled. */
export function blankRow(sheet: SheetDef, attrs: OrgAttributes | null): FormRow {
  const row: FormRow = {};
  if (!attrs) return row;
  for (const c of sheet.columns) if (c.kind === 'prefill' && c.prefill) row[c.key] = attrs[c.prefill];
  return row;
}

/**
 * The data the editor works on: the stored data, or the blank form before the first save; fixed sheets get
 * exactly the template's rows in its order (matched by `_row`), free sheets keep theirs and show at least one
 * empty row to type into.
 */
export function editorData(
  template: FormTemplate,
  data: FormData | null,
  attrs: OrgAttributes | null = null,
): FormData {
  const source = data ?? (attrs ? initialData(template, attrs) : null);
  const out: FormData = {};
  for (const sheet of template.sheets) {
    const rows = source?.[sheet.key] ?? [];
    if (sheet.rows.mode === 'fixed') {
      const byKey = new Map(rows.map((r) => [r[ROW_KEY], r]));
      out[sheet.key] = sheet.rows.rows.map(
        (fixed) => byKey.get(fixed.key) ?? { ...blankRow(sheet, attrs), [ROW_KEY]: fixed.key },
      );
    } else {
      out[sheet.key] = rows.length > 0 ? rows : [blankRow(sheet, attrs)];
    }
  }
  return out;
}

/** The sheet's row limit: the fixed rows, or the maximum of a free sheet. */
export function maxRows(sheet: SheetDef): number {
  return sheet.rows.mode === 'fixed' ? sheet.rows.rows.length : sheet.rows.max;
}
