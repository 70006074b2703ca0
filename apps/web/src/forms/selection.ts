// Where the cursor is in a sheet and how the keys move it, as in Excel: the active cell (anchor) is where typing
// goes, the other corner (focus) moves with Shift, and a range is the rectangle between them.

export interface CellPos {
  r: number;
  c: number;
}

export interface Selection {
  anchor: CellPos;
  focus: CellPos;
}

export interface GridBounds {
  rows: number;
  cols: number;
  /** the columns Tab stops at (editable ones); all columns when absent */
  tabStops?: readonly number[];
  /** rows moved by PageUp / PageDown */
  pageRows?: number;
}

export interface KeyInput {
  key: string;
  shift?: boolean;
  ctrl?: boolean;
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const NAV_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Tab',
  'Enter',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

export function at(r: number, c: number): Selection {
  return { anchor: { r, c }, focus: { r, c } };
}

export function rangeOf(sel: Selection): Range {
  return {
    top: Math.min(sel.anchor.r, sel.focus.r),
    bottom: Math.max(sel.anchor.r, sel.focus.r),
    left: Math.min(sel.anchor.c, sel.focus.c),
    right: Math.max(sel.anchor.c, sel.focus.c),
  };
}

export function isSingleCell(sel: Selection): boolean {
  return sel.anchor.r === sel.focus.r && sel.anchor.c === sel.focus.c;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/** Keeps a selection inside the sheet after rows were removed or the sheet changed. */
export function clampSelection(sel: Selection, b: GridBounds): Selection {
  const lastRow = Math.max(0, b.rows - 1);
  const lastCol = Math.max(0, b.cols - 1);
  const inside = (p: CellPos) => p.r <= lastRow && p.c <= lastCol && p.r >= 0 && p.c >= 0;
  if (inside(sel.anchor) && inside(sel.focus)) return sel;
  const fit = (p: CellPos) => ({ r: clamp(p.r, 0, lastRow), c: clamp(p.c, 0, lastCol) });
  return { anchor: fit(sel.anchor), focus: fit(sel.focus) };
}

function tab(sel: Selection, b: GridBounds, back: boolean): Selection {
  const stops = b.tabStops && b.tabStops.length > 0 ? b.tabStops : Array.from({ length: b.cols }, (_, i) => i);
  const { r, c } = sel.anchor;
  if (!back) {
    const next = stops.find((s) => s > c);
    if (next !== undefined) return at(r, next);
    // past the last column: the first stop of the next row, as when filling a form line by line
    return r + 1 < b.rows ? at(r + 1, stops[0] ?? 0) : at(r, c);
  }
  const prev = [...stops].reverse().find((s) => s < c);
  if (prev !== undefined) return at(r, prev);
  return r > 0 ? at(r - 1, stops[stops.length - 1] ?? 0) : at(r, c);
}

/** The selection after a navigation key; the same object when the key does not move anything. */
export function moveSelection(sel: Selection, input: KeyInput, b: GridBounds): Selection {
  if (b.rows === 0 || b.cols === 0) return sel;
  const lastRow = b.rows - 1;
  const lastCol = b.cols - 1;
  const page = b.pageRows ?? 20;
  const { shift = false, ctrl = false } = input;
  // Shift moves the far corner and keeps the active cell; a plain key moves from the active cell
  const from = shift ? sel.focus : sel.anchor;
  let to: CellPos;
  switch (input.key) {
    case 'ArrowUp':
      to = { r: ctrl ? 0 : from.r - 1, c: from.c };
      break;
    case 'ArrowDown':
      to = { r: ctrl ? lastRow : from.r + 1, c: from.c };
      break;
    case 'ArrowLeft':
      to = { r: from.r, c: ctrl ? 0 : from.c - 1 };
      break;
    case 'ArrowRight':
      to = { r: from.r, c: ctrl ? lastCol : from.c + 1 };
      break;
    case 'PageUp':
      to = { r: from.r - page, c: from.c };
      break;
    case 'PageDown':
      to = { r: from.r + page, c: from.c };
      break;
    case 'Home':
      to = ctrl ? { r: 0, c: 0 } : { r: from.r, c: 0 };
      break;
    case 'End':
      to = ctrl ? { r: lastRow, c: lastCol } : { r: from.r, c: lastCol };
      break;
    case 'Enter':
      // Enter never extends: Shift+Enter goes up, like Excel
      return at(clamp(sel.anchor.r + (shift ? -1 : 1), 0, lastRow), sel.anchor.c);
    case 'Tab':
      return tab(sel, b, shift);
    default:
      return sel;
  }
  to = { r: clamp(to.r, 0, lastRow), c: clamp(to.c, 0, lastCol) };
  if (shift) {
    if (to.r === sel.focus.r && to.c === sel.focus.c) return sel;
    return { anchor: sel.anchor, focus: to };
  }
  if (isSingleCell(sel) && to.r === sel.anchor.r && to.c === sel.anchor.c) return sel;
  return at(to.r, to.c);
}

/** Selects from the active cell to `pos` (Shift+click, mouse drag). */
export function extendTo(sel: Selection, pos: CellPos): Selection {
  if (sel.focus.r === pos.r && sel.focus.c === pos.c) return sel;
  return { anchor: sel.anchor, focus: pos };
}
