import { describe, expect, it } from 'vitest';
import { at, clampSelection, extendTo, moveSelection, rangeOf, type GridBounds } from './selection';

const b: GridBounds = { rows: 10, cols: 5, pageRows: 4 };

describe('moveSelection', () => {
  it('moves the active cell with the arrows and stops at the edges', () => {
    expect(moveSelection(at(2, 2), { key: 'ArrowDown' }, b)).toEqual(at(3, 2));
    expect(moveSelection(at(2, 2), { key: 'ArrowUp' }, b)).toEqual(at(1, 2));
    expect(moveSelection(at(2, 2), { key: 'ArrowLeft' }, b)).toEqual(at(2, 1));
    expect(moveSelection(at(2, 2), { key: 'ArrowRight' }, b)).toEqual(at(2, 3));
    const top = at(0, 0);
    expect(moveSelection(top, { key: 'ArrowUp' }, b)).toBe(top);
    expect(moveSelection(top, { key: 'ArrowLeft' }, b)).toBe(top);
    expect(moveSelection(at(9, 4), { key: 'ArrowDown' }, b)).toEqual(at(9, 4));
  });

  it('Ctrl+arrow jumps to the edge, Ctrl+Home/End to the corners, PageDown by a page', () => {
    expect(moveSelection(at(5, 2), { key: 'ArrowDown', ctrl: true }, b)).toEqual(at(9, 2));
    expect(moveSelection(at(5, 2), { key: 'ArrowLeft', ctrl: true }, b)).toEqual(at(5, 0));
    expect(moveSelection(at(5, 2), { key: 'Home', ctrl: true }, b)).toEqual(at(0, 0));
    expect(moveSelection(at(5, 2), { key: 'End', ctrl: true }, b)).toEqual(at(9, 4));
    expect(moveSelection(at(5, 2), { key: 'End' }, b)).toEqual(at(5, 4));
    expect(moveSelection(at(5, 2), { key: 'PageDown' }, b)).toEqual(at(9, 2));
    expect(moveSelection(at(5, 2), { key: 'PageUp' }, b)).toEqual(at(1, 2));
  });

  it('Shift+arrows extend a range from the active cell, a plain arrow collapses it', () => {
    let sel = at(1, 1);
    sel = moveSelection(sel, { key: 'ArrowDown', shift: true }, b);
    sel = moveSelection(sel, { key: 'ArrowRight', shift: true }, b);
    sel = moveSelection(sel, { key: 'ArrowRight', shift: true }, b);
    expect(sel).toEqual({ anchor: { r: 1, c: 1 }, focus: { r: 2, c: 3 } });
    expect(rangeOf(sel)).toEqual({ top: 1, left: 1, bottom: 2, right: 3 });
    // extending upwards past the active cell flips the range
    sel = moveSelection(sel, { key: 'ArrowUp', shift: true }, b);
    sel = moveSelection(sel, { key: 'ArrowUp', shift: true }, b);
    expect(rangeOf(sel)).toEqual({ top: 0, left: 1, bottom: 1, right: 3 });
    expect(moveSelection(sel, { key: 'ArrowDown' }, b)).toEqual(at(2, 1));
  });

  it('Enter goes down and Shift+Enter up, collapsing a range', () => {
    const range = { anchor: { r: 3, c: 1 }, focus: { r: 5, c: 4 } };
    expect(moveSelection(range, { key: 'Enter' }, b)).toEqual(at(4, 1));
    expect(moveSelection(at(3, 1), { key: 'Enter', shift: true }, b)).toEqual(at(2, 1));
    expect(moveSelection(at(9, 1), { key: 'Enter' }, b)).toEqual(at(9, 1));
  });

  it('Tab visits only the editable columns and wraps to the next row; Shift+Tab goes back', () => {
    const form: GridBounds = { rows: 3, cols: 5, tabStops: [1, 2, 4] };
    expect(moveSelection(at(0, 1), { key: 'Tab' }, form)).toEqual(at(0, 2));
    expect(moveSelection(at(0, 2), { key: 'Tab' }, form)).toEqual(at(0, 4));
    expect(moveSelection(at(0, 4), { key: 'Tab' }, form)).toEqual(at(1, 1));
    expect(moveSelection(at(2, 4), { key: 'Tab' }, form)).toEqual(at(2, 4));
    expect(moveSelection(at(1, 1), { key: 'Tab', shift: true }, form)).toEqual(at(0, 4));
    expect(moveSelection(at(1, 4), { key: 'Tab', shift: true }, form)).toEqual(at(1, 2));
    // from a read-only label column Tab goes to the first editable one
    expect(moveSelection(at(1, 0), { key: 'Tab' }, form)).toEqual(at(1, 1));
  });

  it('ignores other keys and empty sheets', () => {
    const sel = at(1, 1);
    expect(moveSelection(sel, { key: 'a' }, b)).toBe(sel);
    expect(moveSelection(sel, { key: 'ArrowDown' }, { rows: 0, cols: 5 })).toBe(sel);
  });
});

describe('extendTo and clampSelection', () => {
  it('drag extends from the active cell; a shrunken sheet pulls the selection inside', () => {
    const sel = extendTo(at(2, 2), { r: 0, c: 4 });
    expect(rangeOf(sel)).toEqual({ top: 0, left: 2, bottom: 2, right: 4 });
    const inside = at(1, 1);
    expect(clampSelection(inside, { rows: 5, cols: 3 })).toBe(inside);
    expect(clampSelection({ anchor: { r: 8, c: 1 }, focus: { r: 9, c: 6 } }, { rows: 5, cols: 3 })).toEqual({
      anchor: { r: 4, c: 1 },
      focus: { r: 4, c: 2 },
    });
  });
});
