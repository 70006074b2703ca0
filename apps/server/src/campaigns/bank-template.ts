import type { FormTemplate } from '@oko/shared';

/** The task bank of one subject as a workbook: one row per interchangeable item of a task. */

export const BANK_SHEET = 'bank';
/** Far above a real bank (a few dozen tasks × a few dozen items). */
export const MAX_BANK_ROWS = 20000;
const LONG = 10000;

export function bankTemplate(subject: { code: string; name: string; grade: number }): FormTemplate {
  return {
    code: 'task-bank',
    title: `Банк заданий: ${subject.name}, ${subject.grade} класс (${subject.code})`,
    instruction: [
      `Банк заданий предмета «${subject.name}», ${subject.grade} класс. Из вариантов каждого задания система собирает индивидуальные варианты работ для ОО.`,
      '• Одна строка — один вариант задания: номер задания (как в структуре предмета), № варианта задания, текст, ответ и критерии оценивания.',
      '• Варианты одного задания нумеруются подряд с 1: 1, 2, 3…',
      '• Строка без текста, ответа и критериев пропускается: так выглядят строки-заготовки для заданий, у которых ещё нет вариантов.',
      '• Загруженный файл полностью заменяет банк заданий предмета. Рисунки к заданиям этим файлом не загружаются.',
      'Пока по предмету не сформированы материалы, банк можно загружать сколько угодно раз; после — он не меняется.',
    ].join('\n'),
    sheets: [
      {
        key: BANK_SHEET,
        title: 'Банк заданий',
        hint: 'Одна строка — один вариант задания.',
        rows: { mode: 'free', max: MAX_BANK_ROWS },
        columns: [
          {
            key: 'number',
            title: 'Номер задания',
            kind: 'text',
            maxLength: 20,
            hint: 'Номер задания из структуры предмета: «9», «9.1» или «4К1».',
            width: 14,
          },
          { key: 'itemNo', title: '№ варианта задания', kind: 'integer', min: 1, max: 1000, width: 12 },
          { key: 'text', title: 'Текст', kind: 'text', maxLength: LONG, hint: 'Текст задания. Обязателен.', width: 70 },
          { key: 'answer', title: 'Ответ', kind: 'text', maxLength: LONG, width: 30 },
          { key: 'criteria', title: 'Критерии оценивания', kind: 'text', maxLength: LONG, width: 50 },
        ],
      },
    ],
    dictionaries: {},
  };
}
