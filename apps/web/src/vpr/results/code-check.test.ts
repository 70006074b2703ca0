import { describe, expect, it } from 'vitest';
import { RESULTS_SHEET, resultsTemplate, type FormRow } from '@oko/shared';
import { ErrorCache } from '../../forms/cell-errors';
import { codeCheck } from './code-check';

const template = resultsTemplate({
  code: 'МА',
  name: 'Математика',
  grade: 4,
  variants: 2,
  year: 2026,
  tasks: [
    { number: '1', maxScore: 1 },
    { number: '2', maxScore: 2 },
  ],
});

const row = (code: string | null): FormRow => ({ code, variant: '1', t1: '1', t2: '2', classNo: 1, journal: '5' });

describe('проверка кодов участников в таблице', () => {
  it('отмечает чужой код в ячейке кода и не трогает свой и пустой', () => {
    const cache = new ErrorCache(template, codeCheck(new Set(['40001', '40002']), 4));
    const errors = cache.sheet(0, [row('40001'), row('49999'), row(null)], false);
    expect(errors.byRow.get(0)).toBeUndefined();
    expect(errors.byRow.get(1)?.get('code')).toBe('Кода 49999 нет среди кодов участников вашей ОО для 4 класса');
    expect(errors.byRow.get(2)?.get('code')).toBeUndefined();
    expect(errors.count).toBe(1);
  });

  it('сначала говорят правила формы: код не из цифр — ошибка шаблона, а не списка', () => {
    const cache = new ErrorCache(template, codeCheck(new Set(['40001']), 4));
    const message = cache
      .sheet(0, [row('abc')], false)
      .byRow.get(0)
      ?.get('code');
    expect(message).toBe('Код участника — 5 или 6 цифр из списка кодов вашей ОО');
  });

  it('без выданных кодов объясняет, почему код не проверить', () => {
    const check = codeCheck(new Set(), 4);
    expect(check(RESULTS_SHEET, 'code', '40001')).toMatch(/ещё не выданы/);
    expect(check(RESULTS_SHEET, 'variant', '1')).toBeNull();
  });
});
