import { describe, expect, it } from 'vitest';
import { shapeIssues } from './entry-shape.ts';
import { OO_QUESTIONNAIRE_TEMPLATE as T } from './templates/oo-questionnaire.ts';

describe('the shape an autosave must have', () => {
  it('accepts a half-filled form, text typed into a number cell included', () => {
    expect(shapeIssues(T, {})).toEqual([]);
    expect(
      shapeIssues(T, {
        general: [{ _row: 'oo', students: 'восемьсот', settlement: null, login: 'ignored' }],
        teachers: [{ subject: 'Химия', experience: 3 }],
      }),
    ).toEqual([]);
  });

  it('names unknown sheets, rows and columns, numbers where text is kept, and too many rows', () => {
    const issues = shapeIssues(T, {
      nosheet: [],
      grades: [{ _row: 'g4' }, { _row: 'g4' }, { _row: 'g12' }, { classes: 1 }],
      teachers: [{ _row: 'x', subject: 7, extra: 1 }, ...Array.from({ length: 300 }, () => ({}))],
    });
    expect(issues.map((i) => [i.sheet, i.row, i.column, i.message])).toEqual([
      ['nosheet', 0, null, 'В форме нет листа «nosheet»'],
      ['Параллели', 2, null, 'Строка повторяется'],
      ['Параллели', 3, null, 'Строка не из списка строк этого листа'],
      ['Параллели', 4, null, 'Строка не из списка строк этого листа'],
      ['Учителя', 301, null, 'На листе не больше 300 строк'],
      ['Учителя', 1, null, 'Лишний ключ строки'],
      ['Учителя', 1, 'Предмет', 'Здесь ожидается текст, а не число'],
      ['Учителя', 1, 'extra', 'В листе нет столбца «extra»'],
    ]);
  });
});
