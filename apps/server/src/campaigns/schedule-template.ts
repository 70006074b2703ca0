import type { FormTemplate } from '@oko/shared';

/** The plan-schedule as a workbook: one row per ОО × subject, the test date to fill. */

export const SCHEDULE_SHEET = 'schedule';
export const MAX_SCHEDULE_ROWS = 100000;

export function scheduleTemplate(campaignTitle: string, scopeTitle: string): FormTemplate {
  return {
    code: 'plan-schedule',
    title: `План-график: ${campaignTitle} — ${scopeTitle}`,
    instruction: [
      `План-график проведения «${campaignTitle}»: ${scopeTitle}.`,
      '• В файле — ОО с подтверждённой заявкой по предмету и ОО, которым дата уже назначена.',
      '• В столбце «Дата проведения» укажите дату (ДД.ММ.ГГГГ) внутри федерального окна и не позже срока загрузки результатов предмета.',
      '• Строку можно добавить: логин ОО, код предмета и класс, дата. ОО должна относиться к вашему региону (муниципалитету).',
      '• Строка без даты ничего не меняет; столбец «ОО» только для чтения человеком.',
      'Файл принимается целиком или не принимается вовсе: при ошибке сайт назовёт лист, строку и столбец, и ничего не изменится.',
    ].join('\n'),
    sheets: [
      {
        key: SCHEDULE_SHEET,
        title: 'План-график',
        hint: 'Одна строка — одна ОО и один предмет.',
        rows: { mode: 'free', max: MAX_SCHEDULE_ROWS },
        columns: [
          { key: 'login', title: 'Логин ОО', kind: 'text', required: true, maxLength: 40, width: 14 },
          {
            key: 'name',
            title: 'ОО',
            kind: 'text',
            maxLength: 500,
            hint: 'Для справки: при загрузке не читается.',
            width: 40,
          },
          { key: 'subjectCode', title: 'Код предмета', kind: 'text', required: true, maxLength: 4, width: 12 },
          { key: 'grade', title: 'Класс', kind: 'integer', required: true, min: 4, max: 11, width: 8 },
          { key: 'testDate', title: 'Дата проведения', kind: 'date', width: 16 },
        ],
      },
    ],
    dictionaries: {},
  };
}
