import { describe, expect, it } from 'vitest';
import type { FormData } from '@oko/shared';
import { applyChanges, describeChange, diffData, pendingChanges } from './changes';
import { ErrorCache, errorItems, locateIssue } from './cell-errors';
import { applyEdits, editorData } from './sheet-model';
import { TEST_TEMPLATE } from './test-template';

const fixed = TEST_TEMPLATE.sheets[0]!;

describe('unsaved changes', () => {
  it('lists changed input cells, describes them, and re-applies them on newer data', () => {
    const base = editorData(TEST_TEMPLATE, null);
    const mine: FormData = {
      ...base,
      grades: applyEdits(TEST_TEMPLATE, fixed, base.grades!, [{ r: 1, key: 'classes', value: 4 }]),
      teachers: [{ subject: 'Математика' }, { subject: 'Русский язык', since: '2024-09-01' }],
    };
    const changes = diffData(TEST_TEMPLATE, base, mine);
    // the computed «Всего» is not the user's change
    expect(changes).toEqual([
      { sheet: 'grades', row: 1, rowKey: 'g5', column: 'classes', value: 4 },
      { sheet: 'teachers', row: 0, rowKey: null, column: 'subject', value: 'Математика' },
      { sheet: 'teachers', row: 1, rowKey: null, column: 'subject', value: 'Русский язык' },
      { sheet: 'teachers', row: 1, rowKey: null, column: 'since', value: '2024-09-01' },
    ]);
    expect(describeChange(TEST_TEMPLATE, changes[0]!)).toBe('Параллели, B3 «Классов»: 4');
    expect(describeChange(TEST_TEMPLATE, changes[3]!)).toBe('Учителя, C3 «С даты»: 01.09.2024');

    // another tab saved rows in a different order and another value: fixed rows are matched by their key
    const theirs: FormData = {
      grades: [{ _row: 'g5', classes: 1 }, { _row: 'g4', classes: 9 }, { _row: 'g6' }],
      teachers: [],
    };
    const merged = applyChanges(TEST_TEMPLATE, theirs, changes);
    expect(merged.grades![0]).toEqual({ _row: 'g5', classes: 4 });
    expect(merged.grades![1]).toBe(theirs.grades![1]);
    expect(merged.teachers).toEqual([{ subject: 'Математика' }, { subject: 'Русский язык', since: '2024-09-01' }]);
    expect(theirs.grades![0]).toEqual({ _row: 'g5', classes: 1 }); // not mutated
    expect(pendingChanges(TEST_TEMPLATE, merged, changes)).toEqual([]);
    expect(pendingChanges(TEST_TEMPLATE, theirs, changes)).toHaveLength(4);
  });
});

describe('validation as you type', () => {
  it('judges filled cells until submit, then empty required ones too; rechecks only replaced rows', () => {
    const cache = new ErrorCache(TEST_TEMPLATE);
    const data = editorData(TEST_TEMPLATE, null);
    const rows = applyEdits(TEST_TEMPLATE, fixed, data.grades!, [
      { r: 0, key: 'classes', value: 60 },
      { r: 1, key: 'classes', value: 'пять' },
    ]);
    const live = cache.sheet(0, rows, false);
    expect(live.count).toBe(2);
    expect(live.byRow.get(0)?.get('classes')).toBe('Значение 60 больше максимума 50');
    expect(live.byRow.get(1)?.get('classes')).toContain('целым числом');

    const all = cache.sheet(0, rows, true);
    expect(all.count).toBe(3);
    expect(all.byRow.get(2)?.get('classes')).toBe('Обязательное поле: заполните ячейку');

    const items = errorItems(TEST_TEMPLATE, [all]);
    expect(items.map((i) => `${i.address} ${i.columnTitle}`)).toEqual(['B2 Классов', 'B3 Классов', 'B4 Классов']);

    const fixedRows = applyEdits(TEST_TEMPLATE, fixed, rows, [{ r: 0, key: 'classes', value: 5 }]);
    expect(fixedRows[1]).toBe(rows[1]);
    expect(cache.sheet(0, fixedRows, false).count).toBe(1);
  });

  it('finds the cell a server issue names', () => {
    const place = locateIssue(TEST_TEMPLATE, {
      sheet: 'Учителя',
      row: 4,
      column: 'С даты',
      cell: 'C4',
      message: 'x',
    });
    expect(place).toEqual({ sheet: 1, r: 2, c: 2 });
    expect(
      locateIssue(TEST_TEMPLATE, { sheet: 'Параллели', row: 3, column: 'Обучающихся', cell: null, message: '' }),
    ).toEqual({ sheet: 0, r: 1, c: 2 });
    expect(locateIssue(TEST_TEMPLATE, { sheet: 'Нет такого', row: 3, column: null, cell: null, message: '' })).toBe(
      null,
    );
  });
});
