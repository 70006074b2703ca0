import type { CrossRule, FormTemplate } from '@oko/shared';
import { APPLICATION_DICTIONARIES, lineColumns, subjectGradeRules } from './application.ts';

/**
 * The consolidated regional file: every school of the region, one row per line of its application,
 * and one empty row for a school that sent nothing. The prefix columns say whose line it is; only
 * the code is read back; the login, name, municipality and state are there for the coordinator's eyes.
 */

export const CONSOLIDATED_SHEET = 'applications';
export const CONSOLIDATED_SHEET_TITLE = 'Заявки';

const together: CrossRule[] = [
  {
    if: { column: 'grade', op: 'notEmpty' },
    then: { column: 'subject', op: 'notEmpty' },
    message: 'Укажите предмет для этой параллели',
  },
  {
    if: { column: 'subject', op: 'notEmpty' },
    then: { column: 'grade', op: 'notEmpty' },
    message: 'Укажите параллель для этого предмета',
  },
  {
    if: { column: 'grade', op: 'notEmpty' },
    then: { column: 'participants', op: 'notEmpty' },
    message: 'Укажите число участников',
  },
  {
    if: { column: 'participants', op: 'notEmpty' },
    then: { column: 'grade', op: 'notEmpty' },
    message: 'Число участников указано без параллели и предмета',
  },
  {
    if: { column: 'classes', op: 'notEmpty' },
    then: { column: 'grade', op: 'notEmpty' },
    message: 'Число классов указано без параллели и предмета',
  },
];

export const consolidatedTemplate = (regionName: string): FormTemplate => ({
  code: 'vpr-application-consolidated',
  title: `Сводная заявка на участие в ВПР: ${regionName}`,
  instruction: [
    `Сводный файл заявок на участие в ВПР: ${regionName}. В файл включены все ОО региона, в том числе не заполнившие заявку: для них оставлена одна строка без предметов.`,
    'Проверьте строки каждой ОО: подтвердите их как есть или исправьте параллель, предмет, число классов и число участников. Чтобы добавить предмет, добавьте строку и укажите в ней код ОО. Чтобы снять ОО с участия, очистите её строки, оставив код ОО.',
    'Не меняйте коды ОО, названия листов и заголовки столбцов. Столбцы «Логин ОО», «Наименование ОО», «Муниципалитет» и «Состояние заявки» — только для справки.',
    'Загрузите файл в разделе «Регистрация», блок «Заявки на участие в ВПР»: вы увидите предварительный просмотр изменений и подтвердите их кнопкой «Применить».',
  ].join('\n'),
  sheets: [
    {
      key: CONSOLIDATED_SHEET,
      title: CONSOLIDATED_SHEET_TITLE,
      hint: 'Строки ОО идут подряд. Код ОО определяет, к какой ОО относится строка.',
      rows: { mode: 'free', max: 50000 },
      columns: [
        {
          key: 'code',
          title: 'Код ОО',
          kind: 'text',
          required: true,
          pattern: '^\\d{6}$',
          patternMessage: 'Код ОО — шесть цифр',
          hint: 'Код школы: по нему строка относится к ОО. Не изменяйте его.',
          width: 10,
        },
        { key: 'login', title: 'Логин ОО', kind: 'text', maxLength: 40, hint: 'Для справки.', width: 12 },
        { key: 'name', title: 'Наименование ОО', kind: 'text', maxLength: 500, hint: 'Для справки.', width: 40 },
        { key: 'municipality', title: 'Муниципалитет', kind: 'text', maxLength: 300, hint: 'Для справки.', width: 30 },
        {
          key: 'state',
          title: 'Состояние заявки',
          kind: 'text',
          maxLength: 100,
          hint: 'Для справки: сдана ОО, подтверждена, в работе или не заполнена.',
          width: 18,
        },
        ...lineColumns(false),
      ],
      rules: [...together, ...subjectGradeRules()],
    },
  ],
  dictionaries: APPLICATION_DICTIONARIES,
});
