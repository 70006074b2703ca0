import type { ColumnDef, SheetDef } from '@oko/shared';
import { describe, expect, it } from 'vitest';
import { cellText, sheetRows } from './readonlyCells';

const col = (c: Partial<ColumnDef> & Pick<ColumnDef, 'key' | 'kind'>): ColumnDef => ({ title: c.key, ...c });

describe('просмотр данных ОО', () => {
  it('показывает даты, дробные числа и пустые ячейки так, как их вводили', () => {
    expect(cellText(col({ key: 'd', kind: 'date' }), { d: '2026-04-15' })).toBe('15.04.2026');
    expect(cellText(col({ key: 'x', kind: 'decimal' }), { x: 3.5 })).toBe('3,5');
    expect(cellText(col({ key: 'x', kind: 'text' }), { x: null })).toBe('');
    expect(cellText(col({ key: 'x', kind: 'text' }), undefined)).toBe('');
  });

  it('считает вычисляемый столбец, если его значения нет в данных', () => {
    const total = col({ key: 'total', kind: 'computed', sumOf: ['a', 'b', 'c'] });
    expect(cellText(total, { a: 2, b: '3', c: 'X' })).toBe('5');
  });

  it('выводит все строки фиксированного листа, даже незаполненные', () => {
    const sheet: SheetDef = {
      key: 's',
      title: 'Классы',
      rows: {
        mode: 'fixed',
        labelTitle: 'Класс',
        rows: [
          { key: 'c4', label: '4 класс' },
          { key: 'c5', label: '5 класс' },
        ],
      },
      columns: [col({ key: 'n', kind: 'integer' })],
    };
    expect(sheetRows(sheet, [{ _row: 'c5', n: 25 }])).toEqual([
      { label: '4 класс', row: undefined },
      { label: '5 класс', row: { _row: 'c5', n: 25 } },
    ]);
  });
});
