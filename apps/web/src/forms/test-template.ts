// A small form for the unit tests: a fixed sheet with a computed sum and a free sheet with a list and a limit.
import type { FormTemplate } from '@oko/shared';

export const TEST_TEMPLATE: FormTemplate = {
  code: 'test',
  title: 'Проверочная форма',
  instruction: '',
  dictionaries: { subject: ['Математика', 'Русский язык'], mark: ['X', 'Да'] },
  sheets: [
    {
      key: 'grades',
      title: 'Параллели',
      rows: {
        mode: 'fixed',
        labelTitle: 'Параллель',
        rows: [
          { key: 'g4', label: '4 класс' },
          { key: 'g5', label: '5 класс' },
          { key: 'g6', label: '6 класс' },
        ],
      },
      columns: [
        { key: 'classes', title: 'Классов', kind: 'integer', min: 0, max: 50, required: true },
        { key: 'students', title: 'Обучающихся', kind: 'integer', min: 0, max: 2000 },
        { key: 'total', title: 'Всего', kind: 'computed', sumOf: ['classes', 'students'] },
      ],
    },
    {
      key: 'teachers',
      title: 'Учителя',
      rows: { mode: 'free', max: 3 },
      columns: [
        { key: 'subject', title: 'Предмет', kind: 'list', list: 'subject', required: true },
        { key: 'mark', title: 'Отметка', kind: 'list', list: 'mark' },
        { key: 'since', title: 'С даты', kind: 'date' },
      ],
    },
  ],
};
