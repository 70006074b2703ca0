import { isBlank } from './normalize.ts';
import type { CellValue, FixedRow, FormData, FormRow, FormTemplate, PrefillSource, SheetDef } from './template.ts';

/** The ОО attributes prefill columns show read-only; the server fills them, never the client or the file. */
export interface OrgAttributes {
  login: string;
  orgCode: string;
  fullName: string;
  shortName: string;
  regionCode: string;
  regionName: string;
  municipalityName: string;
}

/** The key fixed rows carry in FormRow. */
export const ROW_KEY = '_row';

/** Columns the user fills (prefill and computed ones are the system's). */
export function isInputColumn(kind: SheetDef['columns'][number]['kind']): boolean {
  return kind !== 'prefill' && kind !== 'computed';
}

/** A row where no input column holds anything: free sheets skip such rows instead of reporting them. */
export function isEmptyRow(sheet: SheetDef, row: FormRow): boolean {
  for (const c of sheet.columns) {
    if (isInputColumn(c.kind) && !isBlank(row[c.key])) return false;
  }
  return true;
}

/**
 * A template for one ОО: fixed sheets listed in fixedRows get those rows (one per class of this school, one per
 * subject it takes…) instead of the template's own.
 */
export function resolveTemplate(template: FormTemplate, fixedRows?: Record<string, FixedRow[]>): FormTemplate {
  if (!fixedRows) return template;
  for (const key of Object.keys(fixedRows)) {
    const sheet = template.sheets.find((s) => s.key === key);
    if (!sheet) throw new Error(`resolveTemplate: в форме ${template.code} нет листа ${key}`);
    if (sheet.rows.mode !== 'fixed') throw new Error(`resolveTemplate: лист ${key} не с фиксированными строками`);
  }
  return {
    ...template,
    sheets: template.sheets.map((sheet) => {
      const rows = fixedRows[sheet.key];
      if (!rows || sheet.rows.mode !== 'fixed') return sheet;
      return { ...sheet, rows: { ...sheet.rows, rows: rows.map((r) => ({ ...r })) } };
    }),
  };
}

function prefillValue(source: PrefillSource | undefined, org: OrgAttributes | null): CellValue {
  if (!source || !org) return null;
  return org[source];
}

/** Every column of the sheet, with prefill values from the org and everything else kept or null. */
function cleanRow(sheet: SheetDef, row: FormRow, org: OrgAttributes | null): FormRow {
  const out: FormRow = {};
  if (sheet.rows.mode === 'fixed') out[ROW_KEY] = row[ROW_KEY] ?? null;
  for (const c of sheet.columns) {
    out[c.key] = c.kind === 'prefill' ? prefillValue(c.prefill, org) : (row[c.key] ?? null);
  }
  return out;
}

/** A fresh form: fixed sheets get one row per fixed row (with `_row` and prefill values), free sheets none. */
export function initialData(template: FormTemplate, org: OrgAttributes): FormData {
  const data: FormData = {};
  for (const sheet of template.sheets) {
    data[sheet.key] =
      sheet.rows.mode === 'fixed' ? sheet.rows.rows.map((r) => cleanRow(sheet, { [ROW_KEY]: r.key }, org)) : [];
  }
  return data;
}

/**
 * Overwrites prefill columns with the org's attributes and keeps only the template's sheets and columns
 * (plus `_row` on fixed sheets): whatever the client or the file says about read-only values is discarded.
 * Without an org, prefill columns are emptied. A sheet missing from data becomes [].
 */
export function applyPrefill(template: FormTemplate, data: FormData, org: OrgAttributes | null): FormData {
  const out: FormData = {};
  for (const sheet of template.sheets) {
    out[sheet.key] = (data[sheet.key] ?? []).map((row) => cleanRow(sheet, row, org));
  }
  return out;
}
