import { describe, expect, it } from 'vitest';
import { applyPrefill, initialData } from './resolve.ts';
import { TEST_ORG, TEST_TEMPLATE } from './template.fixture.ts';
import type { Condition, FormData, FormRow, FormTemplate } from './template.ts';
import { computeForm, evaluateCondition, validateCell, validateForm, validateRow } from './validate.ts';

const T = TEST_TEMPLATE;

/** A valid form: every required cell filled, every rule kept. */
function validData(): FormData {
  const data = initialData(T, TEST_ORG);
  data.classes = data.classes!.map((r, i) => ({ ...r, students: 20 + i, participants: 10, language: 'Русский' }));
  data.staff = [
    { login: TEST_ORG.login, fio: 'Иванова Мария', birthDate: '1980-05-17', rate: 1.25, category: 'Высшая' },
  ];
  return computeForm(T, data);
}

function withClass(i: number, patch: FormRow): FormData {
  const data = validData();
  data.classes![i] = { ...data.classes![i]!, ...patch };
  return data;
}

function withStaff(patch: FormRow, index = 0): FormData {
  const data = validData();
  data.staff![index] = { ...(data.staff![index] ?? {}), ...patch };
  return data;
}

describe('computeForm', () => {
  it('sums the columns of the row, X, text and empty counting 0, and returns a new object', () => {
    const data = withClass(0, { hoursRu: '5', hoursMath: 'X' });
    const before = JSON.stringify(data);
    const out = computeForm(T, { ...data, classes: [{ ...data.classes![0]!, hoursTotal: 999 }] });
    expect(out.classes![0]!.hoursTotal).toBe(5);
    expect(JSON.stringify(data)).toBe(before);
    const two = computeForm(T, { classes: [{ _row: '4a', hoursRu: '3', hoursMath: 4 }] });
    expect(two.classes![0]!.hoursTotal).toBe(7);
  });
  it('leaves the total empty while every summed cell is empty', () => {
    expect(
      computeForm(T, { classes: [{ _row: '4a', hoursRu: null, hoursMath: '' }] }).classes![0]!.hoursTotal,
    ).toBeNull();
    expect(computeForm(T, { classes: [{ _row: '4a', hoursRu: 'X', hoursMath: null }] }).classes![0]!.hoursTotal).toBe(
      0,
    );
  });
});

describe('validateForm', () => {
  it('accepts a valid form', () => {
    expect(validateForm(T, validData())).toEqual([]);
  });

  it('reports a required cell with sheet, XLSX row, column title and A1 cell', () => {
    expect(validateForm(T, withClass(1, { students: null }))).toEqual([
      { sheet: 'Классы', row: 3, column: 'Обучающихся', cell: 'B3', message: 'Обязательное поле: заполните ячейку' },
    ]);
  });

  it('reports ranges with the value and the bound', () => {
    const issues = validateForm(T, withClass(0, { students: 55, participants: 10 }));
    expect(issues).toEqual([
      { sheet: 'Классы', row: 2, column: 'Обучающихся', cell: 'B2', message: 'Значение 55 больше максимума 50' },
    ]);
    expect(validateForm(T, withClass(2, { participants: -1 }))[0]).toMatchObject({
      cell: 'C4',
      message: 'Значение -1 меньше минимума 0',
    });
    expect(validateForm(T, withStaff({ rate: 2.5 }))[0]).toMatchObject({
      sheet: 'Кадры',
      row: 2,
      column: 'Ставка',
      cell: 'D2',
      message: 'Значение 2,5 больше максимума 2',
    });
  });

  it('checks integers, decimals and the number type', () => {
    expect(validateForm(T, withClass(0, { students: 20.5 }))[0]!.message).toBe(
      'Значение 20,5 должно быть целым числом',
    );
    expect(validateForm(T, withStaff({ rate: 1.255 }))[0]!.message).toBe(
      'В значении 1,255 больше 2 знаков после запятой',
    );
    expect(validateForm(T, withStaff({ rate: 0.1 + 0.2 }))).toEqual([]);
    expect(validateForm(T, withClass(0, { students: 'двадцать' }))[0]!.message).toContain('целым числом');
    expect(validateForm(T, withClass(0, { students: '20' }))[0]!.message).toContain('записано как текст');
  });

  it('checks pattern, pattern message and length of text', () => {
    expect(validateForm(T, withStaff({ fio: 'Ivanova' }))[0]).toMatchObject({
      column: 'ФИО',
      cell: 'B2',
      message: 'ФИО пишется русскими буквами',
    });
    expect(validateForm(T, withStaff({ fio: 'Я'.repeat(31) }))[0]!.message).toBe(
      'Текст длиннее 30 символов (сейчас 31)',
    );
  });

  it('checks list membership and dates', () => {
    expect(validateForm(T, withClass(0, { language: 'Английский' }))[0]!.message).toBe(
      'Значения «Английский» нет в списке. Допустимо: «Русский», «Татарский»',
    );
    expect(validateForm(T, withStaff({ birthDate: '17.05.1980' }))[0]!.message).toContain('не является датой');
    expect(validateForm(T, withStaff({ birthDate: '1980-02-30' }))[0]!.message).toContain('не является датой');
  });

  it('checks computed columns against their own bounds', () => {
    expect(validateForm(T, withClass(0, { hoursRu: '6', hoursMath: '6' }))).toEqual([
      { sheet: 'Классы', row: 2, column: 'Всего', cell: 'G2', message: 'Значение 12 больше максимума 10' },
    ]);
  });

  it('applies a cross rule without `if` always, comparing with another column', () => {
    expect(validateForm(T, withClass(1, { students: 10, participants: 11 }))).toEqual([
      {
        sheet: 'Классы',
        row: 3,
        column: 'Участников',
        cell: 'C3',
        message: 'Участников не может быть больше, чем обучающихся',
      },
    ]);
    expect(validateForm(T, withClass(1, { students: 10, participants: 10 }))).toEqual([]);
  });

  it('applies a cross rule with `if` only when the condition holds', () => {
    expect(validateForm(T, withClass(0, { participants: 5, language: null }))[0]).toMatchObject({
      cell: 'D2',
      message: 'Укажите язык обучения',
    });
    expect(validateForm(T, withClass(0, { participants: 0, language: null }))).toEqual([]);
    expect(validateForm(T, withClass(0, { participants: null, language: null }))).toEqual([]);
  });

  it('compares dates in rules with a constant', () => {
    expect(validateForm(T, withStaff({ birthDate: '2010-01-01' }))[0]).toMatchObject({
      cell: 'C2',
      message: 'Дата рождения должна быть раньше 01.01.2008',
    });
  });

  it('ignores empty free rows but counts filled ones against the maximum', () => {
    const data = validData();
    const row = data.staff![0]!;
    data.staff = [row, { login: 'sch390001', fio: null, birthDate: null, rate: null, category: null }, row, row];
    expect(validateForm(T, data)).toEqual([]);
    data.staff.push(row);
    expect(validateForm(T, data)).toEqual([
      {
        sheet: 'Кадры',
        row: 6,
        column: null,
        cell: null,
        message: 'На листе «Кадры» заполнено 4 строки, а допускается не больше 3',
      },
    ]);
  });

  it('reports rows of a free sheet at their XLSX row, skipping nothing', () => {
    const data = validData();
    data.staff = [data.staff![0]!, { fio: null }, { fio: 'Petrov' }];
    expect(validateForm(T, data)).toEqual([
      { sheet: 'Кадры', row: 4, column: 'ФИО', cell: 'B4', message: 'ФИО пишется русскими буквами' },
    ]);
  });

  it('requires every fixed row once, and no others', () => {
    const data = validData();
    const [a, b] = data.classes!;
    data.classes = [b!, a!, { ...a! }, { ...a!, _row: '9z' }];
    const issues = validateForm(T, data);
    expect(issues).toEqual([
      { sheet: 'Классы', row: 2, column: 'Класс', cell: 'A2', message: 'Строка «4А» встречается больше одного раза' },
      { sheet: 'Классы', row: 4, column: 'Класс', cell: 'A4', message: 'Нет строки «5А»: её нельзя удалять' },
      { sheet: 'Классы', row: 5, column: 'Класс', cell: 'A5', message: 'Строки «9z» нет в этой форме' },
    ]);
  });

  it('reports a missing fixed sheet row by row and unknown sheets as a whole', () => {
    const data = validData();
    delete data.classes;
    data.extra = [];
    const issues = validateForm(T, data);
    expect(issues.map((i) => i.message)).toEqual([
      'Нет строки «4А»: её нельзя удалять',
      'Нет строки «4Б»: её нельзя удалять',
      'Нет строки «5А»: её нельзя удалять',
      'Лист «extra» не из этой формы',
    ]);
    expect(issues[3]).toMatchObject({ sheet: 'extra', row: 0, cell: null });
  });

  it('sorts issues by sheet, row and column', () => {
    const data = validData();
    data.classes![2] = { ...data.classes![2]!, students: null, participants: 99 };
    data.classes![0] = { ...data.classes![0]!, language: 'Нет' };
    data.staff = [{ fio: null }, { fio: 'X', rate: 3 }];
    expect(validateForm(T, data).map((i) => `${i.sheet}!${i.cell}`)).toEqual([
      'Классы!D2',
      'Классы!B4',
      'Классы!C4',
      'Кадры!B3',
      'Кадры!D3',
    ]);
  });
});

describe('conditions', () => {
  const row: FormRow = { a: 5, b: '5', c: 'X', d: null, e: '2024-09-01', f: 'Русский' };
  const ev = (c: Omit<Condition, 'column'> & { column: string }) => evaluateCondition(c as Condition, row);
  it('implements every operator', () => {
    expect(ev({ column: 'd', op: 'empty' })).toBe(true);
    expect(ev({ column: 'a', op: 'notEmpty' })).toBe(true);
    expect(ev({ column: 'a', op: 'eq', otherColumn: 'b' })).toBe(true);
    expect(ev({ column: 'a', op: 'ne', value: 4 })).toBe(true);
    expect(ev({ column: 'a', op: 'gt', value: 4 })).toBe(true);
    expect(ev({ column: 'a', op: 'gte', value: 5 })).toBe(true);
    expect(ev({ column: 'a', op: 'lt', value: 5 })).toBe(false);
    expect(ev({ column: 'a', op: 'lte', value: '5,0' })).toBe(true);
    expect(ev({ column: 'c', op: 'in', value: ['0', 'Х'] })).toBe(true);
    expect(ev({ column: 'a', op: 'in', value: [1, 2] })).toBe(false);
    expect(ev({ column: 'e', op: 'gt', value: '31.08.2024' })).toBe(true);
    expect(ev({ column: 'f', op: 'eq', value: 'русский' })).toBe(true);
  });
  it('is undefined when an operand is empty, so that empty cells break no comparison', () => {
    expect(ev({ column: 'd', op: 'gt', value: 1 })).toBeUndefined();
    expect(ev({ column: 'a', op: 'gt', otherColumn: 'd' })).toBeUndefined();
    expect(ev({ column: 'd', op: 'in', value: [1] })).toBeUndefined();
    expect(ev({ column: 'f', op: 'gt', value: 1 })).toBeUndefined();
    expect(ev({ column: 'f', op: 'ne', value: 1 })).toBe(true);
  });
});

describe('validation as you type', () => {
  it('answers for one cell, including the cross rules that point at it', () => {
    const data = withClass(0, { students: 10, participants: 12 });
    expect(validateCell(T, 'classes', 0, 'participants', data)).toBe(
      'Участников не может быть больше, чем обучающихся',
    );
    expect(validateCell(T, 'classes', 0, 'students', data)).toBeNull();
    expect(validateCell(T, 'classes', 1, 'students', withClass(1, { students: 51 }))).toBe(
      'Значение 51 больше максимума 50',
    );
    expect(validateCell(T, 'classes', 9, 'students', data)).toBeNull();
    expect(validateCell(T, 'nope', 0, 'students', data)).toBeNull();
  });
  it('stays silent on an empty free row and speaks once the row has something', () => {
    const data = validData();
    data.staff!.push({ fio: null, rate: null });
    expect(validateCell(T, 'staff', 1, 'fio', data)).toBeNull();
    data.staff![1] = { fio: null, rate: 1 };
    expect(validateCell(T, 'staff', 1, 'fio', data)).toBe('Обязательное поле: заполните ячейку');
  });
  it('lists the issues of a row at its XLSX row', () => {
    const data = withClass(2, { students: 60 });
    expect(validateRow(T, 'classes', 2, data)).toEqual([
      { sheet: 'Классы', row: 4, column: 'Обучающихся', cell: 'B4', message: 'Значение 60 больше максимума 50' },
    ]);
  });
});

describe('pattern handling', () => {
  it('matches the whole value, with or without anchors in the template', () => {
    const t: FormTemplate = {
      ...T,
      sheets: [
        {
          key: 's',
          title: 'Лист',
          rows: { mode: 'free', max: 10 },
          columns: [
            { key: 'a', title: 'A', kind: 'text', pattern: '\\d{6}' },
            { key: 'b', title: 'B', kind: 'text', pattern: '^\\d{6}$' },
            { key: 'c', title: 'C', kind: 'text', pattern: '(' },
          ],
        },
      ],
    };
    const issues = validateForm(t, { s: [{ a: '1234567', b: '123456', c: 'anything' }] });
    expect(issues.map((i) => `${i.cell} ${i.message}`)).toEqual(['A2 Значение «1234567» не подходит по формату']);
    expect(validateForm(t, { s: [{ a: '123456', b: '12345a' }] })[0]!.cell).toBe('B2');
  });
});

describe('prefill never comes from the client', () => {
  it('is overwritten before validation', () => {
    const data = withStaff({ login: 'evil' });
    expect(applyPrefill(T, data, TEST_ORG).staff![0]!.login).toBe(TEST_ORG.login);
  });
});
