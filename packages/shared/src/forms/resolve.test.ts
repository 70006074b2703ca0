import { describe, expect, it } from 'vitest';
import { applyPrefill, initialData, isEmptyRow, resolveTemplate } from './resolve.ts';
import { TEST_ORG, TEST_TEMPLATE } from './template.fixture.ts';

const T = TEST_TEMPLATE;

describe('resolveTemplate', () => {
  it('replaces the rows of the fixed sheets it is given and leaves the rest', () => {
    const r = resolveTemplate(T, { classes: [{ key: '9b', label: '9Б' }] });
    const classes = r.sheets[0]!;
    expect(classes.rows).toEqual({ mode: 'fixed', labelTitle: 'Класс', rows: [{ key: '9b', label: '9Б' }] });
    expect(r.sheets[1]).toBe(T.sheets[1]);
    expect(T.sheets[0]!.rows.mode === 'fixed' && T.sheets[0]!.rows.rows.length).toBe(3);
    expect(resolveTemplate(T)).toBe(T);
  });
  it('refuses free or unknown sheets (a programming error)', () => {
    expect(() => resolveTemplate(T, { staff: [] })).toThrow();
    expect(() => resolveTemplate(T, { nope: [] })).toThrow();
  });
});

describe('initialData', () => {
  it('gives fixed sheets one row per fixed row with prefill values and free sheets none', () => {
    const data = initialData(T, TEST_ORG);
    expect(data.classes).toHaveLength(3);
    expect(data.classes![1]).toEqual({
      _row: '4b',
      students: null,
      participants: null,
      language: null,
      hoursRu: null,
      hoursMath: null,
      hoursTotal: null,
    });
    expect(data.staff).toEqual([]);
  });
});

describe('applyPrefill', () => {
  it('overwrites prefill columns, drops unknown keys and sheets, keeps `_row` only on fixed sheets', () => {
    const out = applyPrefill(
      T,
      {
        classes: [{ _row: '4a', students: 3, junk: 'x' }],
        staff: [{ _row: 'x', login: 'someone-else', fio: 'Иванов', evil: '=HYPERLINK()' }],
        unknown: [{ a: 1 }],
      },
      TEST_ORG,
    );
    expect(out).toEqual({
      classes: [
        {
          _row: '4a',
          students: 3,
          participants: null,
          language: null,
          hoursRu: null,
          hoursMath: null,
          hoursTotal: null,
        },
      ],
      staff: [{ login: 'sch390001', fio: 'Иванов', birthDate: null, rate: null, category: null }],
    });
  });
  it('empties prefill columns without an org', () => {
    expect(applyPrefill(T, { staff: [{ login: 'x', fio: 'А' }] }, null).staff![0]!.login).toBeNull();
  });
});

describe('isEmptyRow', () => {
  it('looks at input columns only', () => {
    const staff = T.sheets[1]!;
    expect(isEmptyRow(staff, { login: 'sch390001', fio: '  ', rate: null })).toBe(true);
    expect(isEmptyRow(staff, { fio: 'А' })).toBe(false);
    expect(isEmptyRow(staff, { rate: 0 })).toBe(false);
  });
});
