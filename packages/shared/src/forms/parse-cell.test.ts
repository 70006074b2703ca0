import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseDateText } from './dates.ts';
import { decimalPlaces, lookalikeKey, parseNumberText } from './normalize.ts';
import { parseCellInput } from './parse-cell.ts';
import type { ColumnDef } from './template.ts';

const dictionaries = {
  hours: ['0', '1', '2', 'X'],
  cyrHours: ['0', '1', 'Х'],
  languages: ['Русский', 'Татарский'],
  classes: ['4А', '4A'],
};
const col = (c: Partial<ColumnDef> & Pick<ColumnDef, 'kind'>): ColumnDef => ({ key: 'k', title: 'К', ...c });
const parse = (c: ColumnDef, raw: unknown) => parseCellInput(c, raw, dictionaries);
const value = (c: ColumnDef, raw: unknown) => {
  const r = parse(c, raw);
  if ('error' in r) throw new Error(`unexpected error: ${r.error}`);
  return r.value;
};
const error = (c: ColumnDef, raw: unknown) => {
  const r = parse(c, raw);
  if (!('error' in r)) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
};

describe('empty input', () => {
  it('is null for every kind', () => {
    for (const kind of ['text', 'integer', 'decimal', 'date', 'list'] as const) {
      for (const raw of [null, undefined, '', '   ', '\u00a0\t'])
        expect(value(col({ kind, list: 'hours' }), raw)).toBeNull();
    }
  });
});

describe('integer', () => {
  const c = col({ kind: 'integer' });
  it('accepts typed, padded, numeric and comma-zero input', () => {
    expect(value(c, '12')).toBe(12);
    expect(value(c, ' 12 ')).toBe(12);
    expect(value(c, 12)).toBe(12);
    expect(value(c, '12,0')).toBe(12);
    expect(value(c, '12.0')).toBe(12);
    expect(value(c, '-3')).toBe(-3);
    expect(value(c, '1 500')).toBe(1500);
    expect(value(c, '1\u00a0500')).toBe(1500);
    expect(value(c, 12.000000000000002)).toBe(12);
  });
  it('refuses fractions and words with a Russian message', () => {
    expect(error(c, 12.5)).toBe('Значение «12,5» должно быть целым числом');
    expect(error(c, '12,5')).toContain('должно быть целым числом');
    expect(error(c, 'двенадцать')).toContain('«двенадцать» должно быть целым числом');
    expect(error(c, '1.234,5')).toContain('целым числом');
    expect(error(c, true)).toContain('целым числом');
    expect(error(c, '99999999999999999999')).toContain('слишком большое');
  });
});

describe('decimal', () => {
  const c = col({ kind: 'decimal', decimals: 2 });
  it('accepts a decimal comma, a point and numbers stored as text', () => {
    expect(value(c, '3,5')).toBe(3.5);
    expect(value(c, '3.5')).toBe(3.5);
    expect(value(c, ' 0,25 ')).toBe(0.25);
    expect(value(c, ',5')).toBe(0.5);
    expect(value(c, 3.5)).toBe(3.5);
    expect(value(c, 0.1 + 0.2)).toBe(0.3);
    expect(value(c, '1,5E2')).toBe(150);
    expect(value(c, '\u22122,5')).toBe(-2.5);
  });
  it('refuses text', () => {
    expect(error(c, 'полставки')).toBe('Значение «полставки» должно быть числом, например 3,5');
    expect(error(c, '3,5,1')).toContain('должно быть числом');
  });
  it('counts decimal places without float noise', () => {
    expect(decimalPlaces(0.1 + 0.2)).toBe(1);
    expect(decimalPlaces(1.25)).toBe(2);
    expect(decimalPlaces(3)).toBe(0);
    expect(decimalPlaces(1e-7)).toBe(7);
    expect(parseNumberText('1 234 567,5')).toBe(1234567.5);
    expect(parseNumberText('12 34')).toBeNull();
  });
});

describe('date', () => {
  const c = col({ kind: 'date' });
  it('reads dd.mm.yyyy, ISO, Date objects and Excel serials as YYYY-MM-DD', () => {
    expect(value(c, '01.09.2024')).toBe('2024-09-01');
    expect(value(c, '1.9.2024')).toBe('2024-09-01');
    expect(value(c, '2024-09-01')).toBe('2024-09-01');
    expect(value(c, '01.09.2024 0:00:00')).toBe('2024-09-01');
    expect(value(c, new Date(Date.UTC(1980, 4, 17)))).toBe('1980-05-17');
    expect(value(c, 45000)).toBe('2023-03-15');
    expect(value(c, 45000.75)).toBe('2023-03-15');
  });
  it('keeps the Excel 1900 calendar right around its phantom leap day', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(36526)).toBe('2000-01-01');
  });
  it('refuses days that do not exist and ambiguous forms', () => {
    expect(error(c, '31.02.2024')).toBe(
      'Значение «31.02.2024» не является датой: введите дату в виде ДД.ММ.ГГГГ, например 01.09.2025',
    );
    expect(error(c, '09/01/2024')).toContain('не является датой');
    expect(error(c, '01.09.24')).toContain('не является датой');
    expect(error(c, 'вчера')).toContain('не является датой');
    expect(error(c, new Date(Date.UTC(1812, 8, 7)))).toContain('1900–2100');
    expect(parseDateText('29.02.2024')).toBe('2024-02-29');
    expect(parseDateText('29.02.2023')).toBeNull();
  });
});

describe('list', () => {
  const hours = col({ kind: 'list', list: 'hours' });
  it('matches trimmed and case-insensitive input to the canonical item', () => {
    expect(value(col({ kind: 'list', list: 'languages' }), '  русский ')).toBe('Русский');
    expect(value(hours, 'x')).toBe('X');
    expect(value(hours, 2)).toBe('2');
    expect(value(hours, '2,0')).toBe('2');
  });
  it('reads Cyrillic «Х» as Latin X, and Latin X as Cyrillic «Х»', () => {
    expect(value(hours, 'Х')).toBe('X');
    expect(value(hours, 'х')).toBe('X');
    expect(value(col({ kind: 'list', list: 'cyrHours' }), 'X')).toBe('Х');
    expect(value(col({ kind: 'list', list: 'cyrHours' }), 'x')).toBe('Х');
    expect(lookalikeKey('4А')).toBe(lookalikeKey('4a'));
  });
  it('prefers the exact item and refuses what is ambiguous or absent', () => {
    const classes = col({ kind: 'list', list: 'classes' });
    expect(value(classes, '4А')).toBe('4А');
    expect(value(classes, '4A')).toBe('4A');
    expect(error(hours, '7')).toBe('Значения «7» нет в списке. Допустимо: «0», «1», «2», «X»');
    expect(error(col({ kind: 'list', list: 'missing' }), 'a')).toContain('справочник');
  });
  it('folds lookalikes only when one item fits, and names the candidates otherwise', () => {
    const list = col({ kind: 'list', list: 'd' });
    expect(parseCellInput(list, '4а', { d: ['4A', '4Б'] })).toEqual({ value: '4A' });
    // Latin "Ac" and Cyrillic «Ас» both fit a mixed "aс"
    const amb = parseCellInput(list, 'a\u0441', { d: ['Ac', '\u0410\u0441'] });
    expect(amb).toEqual({
      error: 'Значение «aс» похоже на несколько пунктов списка («Ac», «Ас»): выберите один из списка',
    });
  });
});

describe('text and read-only kinds', () => {
  it('trims text and writes numbers, dates and booleans as the user saw them', () => {
    const c = col({ kind: 'text' });
    expect(value(c, '  Иванова  ')).toBe('Иванова');
    expect(value(c, 123)).toBe('123');
    expect(value(c, 3.5)).toBe('3,5');
    expect(value(c, new Date(Date.UTC(2024, 8, 1)))).toBe('01.09.2024');
    expect(value(c, true)).toBe('ИСТИНА');
  });
  it('ignores whatever is in prefill and computed cells', () => {
    expect(value(col({ kind: 'prefill', prefill: 'login' }), 'hacked')).toBeNull();
    expect(value(col({ kind: 'computed', sumOf: [] }), 999)).toBeNull();
  });
});

describe('exceljs cell values', () => {
  const text = col({ kind: 'text' });
  it('reads rich text and hyperlinks by their visible text', () => {
    expect(value(text, { richText: [{ text: 'Ива' }, { text: 'нова' }] })).toBe('Иванова');
    expect(value(text, { text: 'сайт школы', hyperlink: 'https://example.ru' })).toBe('сайт школы');
    expect(value(col({ kind: 'integer' }), { richText: [{ text: ' 7 ' }] })).toBe(7);
  });
  it('refuses formulas and error values', () => {
    expect(error(text, { formula: 'A1+1', result: 2 })).toContain('формула');
    expect(error(text, { sharedFormula: 'A2', result: 2 })).toContain('формула');
    expect(error(text, { error: '#DIV/0!' })).toContain('#DIV/0!');
    expect(error(text, Symbol('x'))).toContain('Не удалось прочитать');
  });
});
