import type { FormTemplate, MaterialsGroup } from '@oko/shared';

/**
 * The campaign structure as a workbook: one row per subject × grade on «Предметы», one row per task on
 * «Задания». A subject is matched by its code and grade; its tasks are the «Задания» rows with the same pair.
 */

export const SUBJECTS_SHEET = 'subjects';
export const TASKS_SHEET = 'tasks';

export const GROUP_TITLES: Record<MaterialsGroup, string> = { open: 'открытая', encrypted: 'шифрованная' };
export const groupOfTitle = (title: string): MaterialsGroup | null =>
  title === GROUP_TITLES.open ? 'open' : title === GROUP_TITLES.encrypted ? 'encrypted' : null;

export function structureTemplate(campaignTitle: string): FormTemplate {
  return {
    code: 'campaign-structure',
    title: `Структура кампании: ${campaignTitle}`,
    instruction: [
      `Предметы, задания и шкалы перевода кампании «${campaignTitle}».`,
      '• Новый предмет добавьте строкой на листе «Предметы» и его заданиями на листе «Задания» (код предмета и класс — те же).',
      '• У существующего предмета можно изменить поля и задания, пока по нему не сформированы материалы. После этого меняются только шкала перевода и срок загрузки результатов, а когда загружены результаты — только срок.',
      '• «Зависит от (критерий)» на листе «Задания»: если по указанному критерию поставлено 0 или X, то и по этому ставится 0 или X (например, 4К2 зависит от 4К1).',
      '• Предмет, которого нет в файле, не удаляется и не меняется.',
      'Файл принимается целиком или не принимается вовсе: при ошибке сайт назовёт лист, строку и столбец, и ничего не изменится.',
    ].join('\n'),
    sheets: [
      {
        key: SUBJECTS_SHEET,
        title: 'Предметы',
        hint: 'Одна строка — один предмет в одном классе.',
        rows: { mode: 'free', max: 500 },
        columns: [
          {
            key: 'code',
            title: 'Код предмета',
            kind: 'text',
            required: true,
            maxLength: 4,
            hint: 'Две–четыре заглавные русские буквы, например МА, РУ, ИС.',
            width: 12,
          },
          { key: 'name', title: 'Предмет', kind: 'text', required: true, maxLength: 200, width: 28 },
          { key: 'grade', title: 'Класс', kind: 'integer', required: true, min: 4, max: 11, width: 8 },
          {
            key: 'group',
            title: 'Группа материалов',
            kind: 'list',
            list: 'groups',
            required: true,
            hint: '«открытая» — архив без шифра (4 класс, 5 класс: русский язык и математика); «шифрованная» — архив с шифром.',
            width: 18,
          },
          { key: 'variants', title: 'Вариантов', kind: 'integer', required: true, min: 1, max: 100, width: 11 },
          { key: 'scale3', title: 'Балл на «3»', kind: 'integer', required: true, min: 0, width: 11 },
          { key: 'scale4', title: 'Балл на «4»', kind: 'integer', required: true, min: 0, width: 11 },
          { key: 'scale5', title: 'Балл на «5»', kind: 'integer', required: true, min: 0, width: 11 },
          {
            key: 'deadline',
            title: 'Срок загрузки результатов',
            kind: 'date',
            required: true,
            hint: 'Последний день загрузки результатов (до 23:00 по московскому времени).',
            width: 16,
          },
        ],
      },
      {
        key: TASKS_SHEET,
        title: 'Задания',
        hint: 'Задания каждого предмета в порядке следования в работе.',
        rows: { mode: 'free', max: 20000 },
        columns: [
          { key: 'code', title: 'Код предмета', kind: 'text', required: true, maxLength: 4, width: 12 },
          { key: 'grade', title: 'Класс', kind: 'integer', required: true, min: 4, max: 11, width: 8 },
          {
            key: 'number',
            title: 'Номер задания',
            kind: 'text',
            required: true,
            maxLength: 20,
            hint: '«9», «9.1» или критерий «4К1».',
            width: 14,
          },
          { key: 'maxScore', title: 'Макс. балл', kind: 'integer', required: true, min: 1, max: 100, width: 11 },
          { key: 'difficulty', title: 'Уровень', kind: 'list', list: 'levels', required: true, width: 10 },
          {
            key: 'plannedResult',
            title: 'Планируемый результат',
            kind: 'text',
            maxLength: 2000,
            hint: 'Проверяемое умение или код КЭС/КТ.',
            width: 60,
          },
          {
            key: 'dependsOn',
            title: 'Зависит от (критерий)',
            kind: 'text',
            maxLength: 20,
            hint: 'Номер критерия, при 0 или X по которому этот критерий тоже оценивается 0 или X, например 4К1. Критерий, от которого зависят, стоит выше. Пусто — не зависит.',
            width: 16,
          },
        ],
      },
    ],
    dictionaries: { groups: [GROUP_TITLES.open, GROUP_TITLES.encrypted], levels: ['Б', 'П', 'В'] },
  };
}
