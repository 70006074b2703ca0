import type { FormTemplate } from './template.ts';

/** The engine's unit-test form: a fixed and a free sheet, every column kind, rules with and without `if`. */
export const TEST_TEMPLATE: FormTemplate = {
  code: 'test',
  title: 'Сведения об ОО',
  instruction: 'Заполните',
  dictionaries: {
    languages: ['Русский', 'Татарский'],
    hours: ['0', '1', '2', '3', '4', '5', '6', 'X'],
    categories: ['Высшая', 'Первая'],
  },
  sheets: [
    {
      key: 'classes',
      title: 'Классы',
      rows: {
        mode: 'fixed',
        labelTitle: 'Класс',
        rows: [
          { key: '4a', label: '4А' },
          { key: '4b', label: '4Б' },
          { key: '5a', label: '5А' },
        ],
      },
      columns: [
        { key: 'students', title: 'Обучающихся', kind: 'integer', required: true, min: 0, max: 50 },
        { key: 'participants', title: 'Участников', kind: 'integer', min: 0, max: 50 },
        { key: 'language', title: 'Язык обучения', kind: 'list', list: 'languages' },
        { key: 'hoursRu', title: 'Русский', kind: 'list', list: 'hours' },
        { key: 'hoursMath', title: 'Математика', kind: 'list', list: 'hours' },
        { key: 'hoursTotal', title: 'Всего', kind: 'computed', sumOf: ['hoursRu', 'hoursMath'], max: 10 },
      ],
      rules: [
        {
          then: { column: 'participants', op: 'lte', otherColumn: 'students' },
          message: 'Участников не может быть больше, чем обучающихся',
        },
        {
          if: { column: 'participants', op: 'gt', value: 0 },
          then: { column: 'language', op: 'notEmpty' },
          message: 'Укажите язык обучения',
        },
      ],
    },
    {
      key: 'staff',
      title: 'Кадры',
      rows: { mode: 'free', max: 3 },
      columns: [
        { key: 'login', title: 'Логин ОО', kind: 'prefill', prefill: 'login' },
        {
          key: 'fio',
          title: 'ФИО',
          kind: 'text',
          required: true,
          maxLength: 30,
          pattern: '[А-ЯЁа-яё .-]+',
          patternMessage: 'ФИО пишется русскими буквами',
        },
        { key: 'birthDate', title: 'Дата рождения', kind: 'date' },
        { key: 'rate', title: 'Ставка', kind: 'decimal', min: 0, max: 2, decimals: 2 },
        { key: 'category', title: 'Категория', kind: 'list', list: 'categories' },
      ],
      rules: [
        {
          then: { column: 'birthDate', op: 'lt', value: '2008-01-01' },
          message: 'Дата рождения должна быть раньше 01.01.2008',
        },
      ],
    },
  ],
};

export const TEST_ORG = {
  login: 'sch390001',
  orgCode: '390001',
  fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Школа № 1»',
  shortName: 'Школа № 1',
  regionCode: '39',
  regionName: 'Калининградская область',
  municipalityName: 'Калининград',
};
