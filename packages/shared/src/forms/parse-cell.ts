import { dateObjectToIso, excelSerialToIso, isoToRu, parseDateText } from './dates.ts';
import {
  cleanNumber,
  collapseSpaces,
  formatNumberRu,
  listForMessage,
  matchListItem,
  parseNumberText,
} from './normalize.ts';
import type { CellValue, ColumnDef } from './template.ts';

export type ParsedCell = { value: CellValue } | { error: string };

/**
 * A raw cell as it arrives: typed or pasted text from the online table, or an exceljs cell value (number,
 * string, Date, boolean, rich text, hyperlink, formula, error).
 */
type Plain =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; n: number }
  | { kind: 'date'; iso: string }
  | { kind: 'bool'; b: boolean };

function richText(v: unknown): string | null {
  if (typeof v === 'object' && v !== null && 'richText' in v && Array.isArray(v.richText)) {
    return v.richText
      .map((r: unknown) => (typeof r === 'object' && r !== null && 'text' in r ? String(r.text) : ''))
      .join('');
  }
  return null;
}

function toPlain(raw: unknown): Plain | { error: string } {
  if (raw === null || raw === undefined) return { kind: 'empty' };
  if (typeof raw === 'string') {
    const text = raw.trim();
    return collapseSpaces(text) === '' ? { kind: 'empty' } : { kind: 'text', text };
  }
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? { kind: 'number', n: cleanNumber(raw) } : { error: 'Значение не является числом' };
  }
  if (typeof raw === 'boolean') return { kind: 'bool', b: raw };
  if (raw instanceof Date) {
    const iso = dateObjectToIso(raw);
    return iso ? { kind: 'date', iso } : { error: 'Дата вне допустимого диапазона (1900–2100)' };
  }
  if (typeof raw === 'object') {
    const rich = richText(raw);
    if (rich !== null) return toPlain(rich);
    if ('formula' in raw || 'sharedFormula' in raw) {
      return { error: 'В ячейке формула: введите значение (скопируйте и вставьте как значения)' };
    }
    if ('error' in raw) return { error: `В ячейке ошибка ${String(raw.error)}: введите значение` };
    // a hyperlink keeps its visible text
    if ('text' in raw) return toPlain(richText(raw.text) ?? raw.text);
  }
  return { error: 'Не удалось прочитать значение ячейки' };
}

function quoted(p: Plain): string {
  switch (p.kind) {
    case 'empty':
      return '«»';
    case 'text':
      return `«${p.text.length > 60 ? `${p.text.slice(0, 60)}…` : p.text}»`;
    case 'number':
      return `«${formatNumberRu(p.n)}»`;
    case 'date':
      return `«${isoToRu(p.iso)}»`;
    case 'bool':
      return p.b ? '«ИСТИНА»' : '«ЛОЖЬ»';
  }
}

function asText(p: Exclude<Plain, { kind: 'empty' }>): string {
  switch (p.kind) {
    case 'text':
      return p.text;
    case 'number':
      return formatNumberRu(p.n);
    case 'date':
      return isoToRu(p.iso);
    case 'bool':
      return p.b ? 'ИСТИНА' : 'ЛОЖЬ';
  }
}

function asNumber(p: Exclude<Plain, { kind: 'empty' }>): number | null {
  if (p.kind === 'number') return p.n;
  if (p.kind === 'text') return parseNumberText(p.text);
  return null;
}

function parseInteger(p: Exclude<Plain, { kind: 'empty' }>): ParsedCell {
  const n = asNumber(p);
  if (n === null || !Number.isInteger(n)) return { error: `Значение ${quoted(p)} должно быть целым числом` };
  if (!Number.isSafeInteger(n)) return { error: `Число ${quoted(p)} слишком большое` };
  return { value: n === 0 ? 0 : n };
}

function parseDecimal(p: Exclude<Plain, { kind: 'empty' }>): ParsedCell {
  const n = asNumber(p);
  if (n === null) return { error: `Значение ${quoted(p)} должно быть числом, например 3,5` };
  if (Math.abs(n) > 1e15) return { error: `Число ${quoted(p)} слишком большое` };
  return { value: n === 0 ? 0 : n };
}

function parseDate(p: Exclude<Plain, { kind: 'empty' }>): ParsedCell {
  let iso: string | null = null;
  if (p.kind === 'date') iso = p.iso;
  else if (p.kind === 'number') iso = excelSerialToIso(p.n);
  else if (p.kind === 'text') iso = parseDateText(p.text);
  if (iso === null)
    return { error: `Значение ${quoted(p)} не является датой: введите дату в виде ДД.ММ.ГГГГ, например 01.09.2025` };
  return { value: iso };
}

function parseList(
  column: ColumnDef,
  p: Exclude<Plain, { kind: 'empty' }>,
  dictionaries: Record<string, string[]>,
): ParsedCell {
  const items = column.list ? dictionaries[column.list] : undefined;
  if (!items) return { error: `Для столбца не найден справочник «${column.list ?? ''}»` };
  const match = matchListItem(items, asText(p));
  if ('item' in match) return { value: match.item };
  if ('ambiguous' in match) {
    return {
      error: `Значение ${quoted(p)} похоже на несколько пунктов списка (${listForMessage(match.ambiguous)}): выберите один из списка`,
    };
  }
  return { error: `Значения ${quoted(p)} нет в списке. Допустимо: ${listForMessage(items)}` };
}

/**
 * The one coercion of a raw cell into a stored value, shared by the online editor and the XLSX reader.
 * Type errors only, in Russian and without the location (the caller knows the cell); range, pattern and
 * cross-column rules belong to the validator.
 */
export function parseCellInput(column: ColumnDef, raw: unknown, dictionaries: Record<string, string[]>): ParsedCell {
  if (column.kind === 'prefill' || column.kind === 'computed') return { value: null };
  const p = toPlain(raw);
  if ('error' in p) return p;
  if (p.kind === 'empty') return { value: null };
  switch (column.kind) {
    case 'text':
      return { value: asText(p) };
    case 'integer':
      return parseInteger(p);
    case 'decimal':
      return parseDecimal(p);
    case 'date':
      return parseDate(p);
    case 'list':
      return parseList(column, p, dictionaries);
  }
}
