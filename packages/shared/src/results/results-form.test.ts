import { describe, expect, it } from 'vitest';
import { parseCellInput } from '../forms/parse-cell.ts';
import { validateForm } from '../forms/validate.ts';
import { ABSENT, markOf, RESULTS_SHEET, resultsTemplate, rowToResult } from './results-form.ts';

const subject = {
  code: 'РУ',
  name: 'Русский язык',
  grade: 4,
  variants: 2,
  year: 2026,
  tasks: [
    { number: '1К1', maxScore: 3 },
    { number: '1К2', maxScore: 2, dependsOn: '1К1' },
    { number: '2', maxScore: 1 },
  ],
};
const scale = { scale3: 2, scale4: 4, scale5: 5 };
const t = resultsTemplate(subject);
const sheet = t.sheets[0]!;
const column = (key: string) => sheet.columns.find((c) => c.key === key)!;

describe('the results form of the 2026 layout', () => {
  it('has the real header and lists', () => {
    expect(sheet.title).toBe('Протокол');
    expect(sheet.columns.map((c) => c.title)).toEqual([
      'Код участника',
      'Вариант',
      '1К1 (3б)',
      '1К2 (2б)',
      '2 (1б)',
      'Порядковый номер класса',
      'Отметка за предыдущий триместр/ четверть/полугодие',
      'Итого баллов',
    ]);
    expect(t.dictionaries.variants).toEqual(['1', '2', ABSENT]);
    expect(t.dictionaries.score3).toEqual(['3', '2', '1', '0', 'X']);
    expect(t.dictionaries.marks).toEqual(['5', '4', '3', '2', 'нет отметки']);
    expect(column('classNo')).toMatchObject({ min: 1, max: 50 });
    expect(t.code).toBe('vpr-results-2026-4-РУ');
  });

  it('reads a Cyrillic Х, a lowercase x and a number typed as a score the same way', () => {
    for (const raw of ['Х', 'x', 'X'])
      expect(parseCellInput(column('t1'), raw, t.dictionaries)).toEqual({ value: 'X' });
    expect(parseCellInput(column('t1'), 3, t.dictionaries)).toEqual({ value: '3' });
    expect(parseCellInput(column('t1'), 4, t.dictionaries)).toHaveProperty('error');
  });

  it('enforces absent rows, missing scores and dependent criteria', () => {
    const issues = validateForm(t, {
      [RESULTS_SHEET]: [
        { code: '40001', variant: ABSENT, t1: '1' },
        { code: '40002', variant: '1', t1: '0', t2: '2', t3: null, classNo: 1, journal: '5' },
        { code: '40003', variant: '2', t1: 'X', t2: 'X', t3: '1', classNo: 2, journal: 'нет отметки' },
      ],
    });
    const at = (cell: string) => issues.filter((i) => i.cell === cell).map((i) => i.message);
    expect(at('C2')).toEqual(['Участник отсутствовал: баллы за задания не ставятся']);
    expect(at('D3')[0]).toMatch(/1К1.*0 или X/);
    expect(at('E3')[0]).toMatch(/Поставьте балл за задание 2/);
    expect(issues.filter((i) => i.row === 4)).toEqual([]);
  });

  it('recomputes the total and the mark, whatever the row says', () => {
    const r = rowToResult(
      { code: '40001', variant: '2', t1: '3', t2: 'X', t3: '1', classNo: 3, journal: '4', total: 99 },
      3,
      scale,
    );
    expect(r).toEqual({ code: '40001', variant: 2, classNo: 3, scores: [3, null, 1], total: 4, mark: 4, journal: 4 });
    expect(rowToResult({ code: '40002', variant: ABSENT }, 3, scale)).toMatchObject({ scores: null, mark: null });
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => markOf(n, scale))).toEqual([2, 2, 3, 3, 4, 5, 5]);
  });
});
