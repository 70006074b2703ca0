/**
 * Text and number helpers shared by the online editor, the XLSX reader and the validator, so that what a user
 * types, pastes or uploads is read the same way on every face.
 */

const SPACES = /[\s\u00a0\u2007\u202f\u2009\u200a]+/g;

/** Trims and collapses every kind of space (Excel and Word paste non-breaking ones). */
export function collapseSpaces(s: string): string {
  return s.replace(SPACES, ' ').trim();
}

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && collapseSpaces(v) === '');
}

/** Removes the binary noise of floating point (0.1 + 0.2 → 0.3) that Excel files and sums carry. */
export function cleanNumber(n: number): number {
  if (Number.isInteger(n)) return n;
  return Number(n.toPrecision(15));
}

/**
 * A number as written by a Russian user: "12", " 12 ", "3,5", "3.5", "1 500", "−2", "1,5E3".
 * Returns null when the text is not a number; both separators at once ("1.234,5") are ambiguous and refused.
 */
export function parseNumberText(text: string): number | null {
  let s = collapseSpaces(text).replace(/\u2212/g, '-');
  if (s === '') return null;
  if (/^[+-]?\d{1,3}( \d{3})+([.,]\d+)?$/.test(s)) s = s.replace(/ /g, '');
  if (/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(s)) {
    const n = Number(s.replace(',', '.'));
    return Number.isFinite(n) ? cleanNumber(n) : null;
  }
  return null;
}

/** 3.5 → "3,5": numbers in messages look as the user typed them. */
export function formatNumberRu(n: number): string {
  return String(cleanNumber(n)).replace('.', ',');
}

/** Number of digits after the decimal point, ignoring float noise. */
export function decimalPlaces(n: number): number {
  const s = String(cleanNumber(Math.abs(n)));
  const e = s.match(/e-(\d+)$/);
  if (e) {
    const mantissa = s.slice(0, s.indexOf('e'));
    const frac = mantissa.includes('.') ? mantissa.split('.')[1]!.length : 0;
    return frac + Number(e[1]);
  }
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

// Cyrillic letters that look like Latin ones, compared after toLowerCase (so «В» → «в» → b, «Н» → «н» → h).
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
};

/** Case-insensitive key with collapsed spaces; numeric text is keyed by its value ("5,0" ≡ "5"). */
export function matchKey(s: string): string {
  const collapsed = collapseSpaces(s).toLowerCase();
  const n = parseNumberText(collapsed);
  return n === null ? collapsed : String(n);
}

/** matchKey with Cyrillic lookalikes folded to Latin: «Х» ≡ "X", «4А» ≡ "4A". */
export function lookalikeKey(s: string): string {
  let out = '';
  for (const ch of matchKey(s)) out += LOOKALIKES[ch] ?? ch;
  return out;
}

export interface ListIndex {
  exact: Map<string, string>;
  /** lookalike key → the items that fold to it (more than one means the input is ambiguous) */
  folded: Map<string, string[]>;
}

const indexCache = new WeakMap<readonly string[], ListIndex>();

/** Dictionaries hold up to 5000 items and are matched once per cell, so their index is built once. */
export function listIndex(items: readonly string[]): ListIndex {
  let index = indexCache.get(items);
  if (!index) {
    index = { exact: new Map(), folded: new Map() };
    for (const item of items) {
      const k = matchKey(item);
      if (!index.exact.has(k)) index.exact.set(k, item);
      const f = lookalikeKey(item);
      const same = index.folded.get(f);
      if (same) same.push(item);
      else index.folded.set(f, [item]);
    }
    indexCache.set(items, index);
  }
  return index;
}

export type ListMatch = { item: string } | { ambiguous: string[] } | { none: true };

/** Finds the dictionary item a typed value means: exact (case, spaces) first, then by lookalike letters. */
export function matchListItem(items: readonly string[], text: string): ListMatch {
  const index = listIndex(items);
  const exact = index.exact.get(matchKey(text));
  if (exact !== undefined) return { item: exact };
  const folded = index.folded.get(lookalikeKey(text));
  if (!folded) return { none: true };
  if (folded.length === 1) return { item: folded[0]! };
  return { ambiguous: folded };
}

/** «4А», «4Б», «5А» и ещё 12 — a short list for messages. */
export function listForMessage(items: readonly string[], max = 10): string {
  const shown = items.slice(0, max).map((i) => `«${i}»`);
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} и ещё ${rest}` : shown.join(', ');
}

/** Russian plural: plural(3, 'ошибка', 'ошибки', 'ошибок') → «ошибки». */
export function plural(n: number, one: string, few: string, many: string): string {
  const n10 = Math.abs(n) % 10;
  const n100 = Math.abs(n) % 100;
  if (n10 === 1 && n100 !== 11) return one;
  if (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)) return few;
  return many;
}
