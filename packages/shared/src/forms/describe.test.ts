import { describe, expect, it } from 'vitest';
import { describeColumn, describeCondition, describeRows, describeRule } from './describe.ts';
import { TEST_TEMPLATE } from './template.fixture.ts';

const [classes, staff] = [TEST_TEMPLATE.sheets[0]!, TEST_TEMPLATE.sheets[1]!];
const d = TEST_TEMPLATE.dictionaries;

describe('rules in words', () => {
  it('describes each column kind', () => {
    const text = classes.columns.map((c) => describeColumn(c, classes, d));
    expect(text).toEqual([
      'целое число от 0 до 50, обязательно',
      'целое число от 0 до 50',
      'значение из списка: «Русский», «Татарский»',
      'значение из списка: «0», «1», «2», «3», «4», «5», «6», «X»',
      'значение из списка: «0», «1», «2», «3», «4», «5», «6», «X»',
      'вычисляется автоматически: сумма столбцов «Русский», «Математика», должна быть не больше 10',
    ]);
    expect(staff.columns.map((c) => describeColumn(c, staff, d))).toEqual([
      'заполняется автоматически (логин ОО), не изменяйте',
      'текст, не длиннее 30 символов (ФИО пишется русскими буквами), обязательно',
      'дата в виде ДД.ММ.ГГГГ',
      'число от 0 до 2 (не больше 2 знаков после запятой)',
      'значение из списка: «Высшая», «Первая»',
    ]);
  });

  it('describes conditions and rules', () => {
    expect(describeCondition(classes, { column: 'participants', op: 'lte', otherColumn: 'students' })).toBe(
      '«Участников» не больше «Обучающихся»',
    );
    expect(describeCondition(classes, { column: 'hoursRu', op: 'in', value: ['0', 'X'] })).toBe(
      '«Русский» — одно из: «0», «X»',
    );
    expect(describeRule(staff, staff.rules![0]!)).toBe(
      '«Дата рождения» меньше 01.01.2008 (Дата рождения должна быть раньше 01.01.2008)',
    );
    expect(describeRule(classes, classes.rules![1]!)).toBe(
      'Если «Участников» больше 0, то «Язык обучения» заполнено (Укажите язык обучения)',
    );
  });

  it('describes row modes', () => {
    expect(describeRows(classes)).toBe(
      'По одной строке на каждое значение «Класс»: «4А», «4Б», «5А». Строки не добавляйте и не удаляйте, «Класс» не изменяйте.',
    );
    expect(describeRows(staff)).toBe('Строки заполняются подряд сверху вниз, не больше 3. Пустые строки пропускаются.');
  });
});
