import { describe, expect, it } from 'vitest';
import { editorData, applyEdits, gridColumns } from './sheet-model';
import { planPaste } from './paste';
import { parseTsv } from './tsv';
import { filterOptions } from './list-options';
import { TEST_TEMPLATE } from './test-template';

const [fixed, free] = TEST_TEMPLATE.sheets as [
  (typeof TEST_TEMPLATE.sheets)[number],
  (typeof TEST_TEMPLATE.sheets)[number],
];

describe('planPaste', () => {
  it('lands an Excel block from the active cell, reading numbers as typed, and recomputes sums', () => {
    const cols = gridColumns(fixed);
    expect(cols.map((c) => `${c.letter}:${c.key}`)).toEqual(['A:_label', 'B:classes', 'C:students', 'D:total']);
    const data = editorData(TEST_TEMPLATE, null);
    const plan = planPaste(
      TEST_TEMPLATE,
      fixed,
      cols,
      data.grades!,
      { r: 0, c: 1 },
      parseTsv('2\t1 500\r\n3\tмного\r\n'),
    );
    expect(plan.notices).toEqual([]);
    expect(plan.area).toEqual({ top: 0, left: 1, bottom: 1, right: 2 });
    const rows = applyEdits(TEST_TEMPLATE, fixed, data.grades!, plan.edits);
    expect(rows[0]).toEqual({ _row: 'g4', classes: 2, students: 1500, total: 1502 });
    // text that is not a number is kept as typed for the validator to flag
    expect(rows[1]).toMatchObject({ _row: 'g5', classes: 3, students: 'много' });
    // rows the paste did not reach keep their identity (the grid does not redraw them)
    expect(rows[2]).toBe(data.grades![2]);
  });

  it('skips read-only columns, columns past the sheet and rows past a fixed sheet, with notices', () => {
    const cols = gridColumns(fixed);
    const rows = editorData(TEST_TEMPLATE, null).grades!;
    const block = parseTsv('1\t2\t99\t7\n3\t4\t99\t7\n5\t6\t99\t7\n7\t8\t99\t7\n');
    const plan = planPaste(TEST_TEMPLATE, fixed, cols, rows, { r: 1, c: 1 }, block);
    expect(plan.edits.map((e) => [e.r, e.key, e.value])).toEqual([
      [1, 'classes', 1],
      [1, 'students', 2],
      [2, 'classes', 3],
      [2, 'students', 4],
    ]);
    expect(plan.notices).toEqual([
      'Столбцы только для чтения не изменены: «Всего».',
      '1 столбец справа не поместился на лист и пропущен.',
      '2 строки снизу не вставлены: на листе «Параллели» 3 строки.',
    ]);
  });

  it('grows a free sheet up to its maximum, matching list items case-insensitively and Cyrillic Х as X', () => {
    const cols = gridColumns(free);
    const data = editorData(TEST_TEMPLATE, null);
    expect(data.teachers).toEqual([{}]);
    const block = parseTsv('математика\tх\t01.09.2024\nРусский язык\tда\t\nФизика\t\t\nМатематика\t\t\n');
    const plan = planPaste(TEST_TEMPLATE, free, cols, data.teachers!, { r: 0, c: 0 }, block);
    expect(plan.notices).toEqual(['1 строка снизу не вставлена: на листе «Учителя» не больше 3 строк.']);
    const rows = applyEdits(TEST_TEMPLATE, free, data.teachers!, plan.edits);
    expect(rows).toEqual([
      { subject: 'Математика', mark: 'X', since: '2024-09-01' },
      { subject: 'Русский язык', mark: 'Да', since: null },
      { subject: 'Физика', mark: null, since: null },
    ]);
  });

  it('a block copied with its labels lands beside them without a notice about the label column', () => {
    const cols = gridColumns(fixed);
    const rows = editorData(TEST_TEMPLATE, null).grades!;
    const plan = planPaste(
      TEST_TEMPLATE,
      fixed,
      cols,
      rows,
      { r: 0, c: 0 },
      parseTsv('4 класс\t2\t50\n5 класс\t3\t70\n'),
    );
    expect(plan.notices).toEqual([]);
    expect(plan.edits.map((e) => [e.r, e.key, e.value])).toEqual([
      [0, 'classes', 2],
      [0, 'students', 50],
      [1, 'classes', 3],
      [1, 'students', 70],
    ]);
    const shifted = planPaste(TEST_TEMPLATE, fixed, cols, rows, { r: 1, c: 0 }, parseTsv('4 класс\t2\n'));
    expect(shifted.notices).toEqual(['Столбцы только для чтения не изменены: «Параллель».']);
  });

  it('a single copied value fills the selected range', () => {
    const cols = gridColumns(fixed);
    const rows = editorData(TEST_TEMPLATE, null).grades!;
    const plan = planPaste(TEST_TEMPLATE, fixed, cols, rows, { r: 0, c: 1 }, [['0']], {
      top: 0,
      left: 1,
      bottom: 2,
      right: 2,
    });
    expect(plan.edits).toHaveLength(6);
    expect(plan.edits.every((e) => e.value === 0)).toBe(true);
    expect(plan.area).toEqual({ top: 0, left: 1, bottom: 2, right: 2 });
  });
});

describe('list options while typing', () => {
  it('puts the exact item first, then the ones starting with the text, and folds Cyrillic lookalikes', () => {
    const items = ['Город с населением более 1 млн', 'Город', 'Посёлок городского типа', 'Сельский населённый пункт'];
    expect(filterOptions(items, 'город', false)).toEqual([
      'Город',
      'Город с населением более 1 млн',
      'Посёлок городского типа',
    ]);
    expect(filterOptions(['X', 'Да'], 'х', false)).toEqual(['X']);
    expect(filterOptions(items, 'город', true)).toHaveLength(4);
  });
});
