import type { ColumnDef, CrossRule, FormTemplate } from '@oko/shared';

/**
 * The application (заявка на участие в ВПР): one line per parallel × subject with the number of
 * participants. Schools fill it through the generic collection routes; the regional coordinator
 * confirms it through the consolidated file (application-consolidated.ts), which shares these columns.
 */

export const APPLICATION_TEMPLATE_CODE = 'vpr-application';
export const APPLICATION_SHEET = 'application';

export const GRADES = ['4', '5', '6', '7', '8', '10', '11'] as const;

/** Which parallels write each subject (ВПР 2026); the cross-rules are generated from this map. */
export const SUBJECT_GRADES: Record<string, readonly string[]> = {
  'Русский язык': ['4', '5', '6', '7', '8', '10'],
  Математика: ['4', '5', '6', '7', '8', '10'],
  'Окружающий мир': ['4'],
  История: ['5', '6', '7', '8', '10', '11'],
  Биология: ['5', '6', '7', '8', '10', '11'],
  География: ['5', '6', '7', '8', '10', '11'],
  Литература: ['5', '6', '7', '8', '10'],
  Обществознание: ['6', '7', '8', '10'],
  Физика: ['7', '8', '10', '11'],
  Химия: ['8', '10', '11'],
  Информатика: ['7', '8', '10'],
  'Иностранный язык': ['7', '8', '11'],
};
export const SUBJECTS = Object.keys(SUBJECT_GRADES);

/** The line columns, shared by the school's form and the consolidated regional file. */
export const lineColumns = (required: boolean): ColumnDef[] => [
  {
    key: 'grade',
    title: 'Параллель',
    kind: 'list',
    list: 'grades',
    required,
    hint: 'Класс (параллель), в котором проводится работа: 4, 5, 6, 7, 8, 10 или 11.',
    width: 12,
  },
  {
    key: 'subject',
    title: 'Предмет',
    kind: 'list',
    list: 'subjects',
    required,
    hint: 'Учебный предмет из списка. Каждая пара «параллель — предмет» указывается один раз.',
    width: 24,
  },
  {
    key: 'classes',
    title: 'Число классов',
    kind: 'integer',
    min: 1,
    max: 50,
    hint: 'Сколько классов этой параллели пишут работу (от 1 до 50).',
    width: 14,
  },
  {
    key: 'participants',
    title: 'Число участников',
    kind: 'integer',
    min: 1,
    max: 500,
    required,
    hint: 'Сколько обучающихся параллели участвуют в работе по предмету (от 1 до 500).',
    width: 16,
  },
];

/** A subject only in its parallels; the message names both. */
export const subjectGradeRules = (): CrossRule[] =>
  Object.entries(SUBJECT_GRADES).map(([subject, grades]) => ({
    if: { column: 'subject', op: 'eq', value: subject },
    then: { column: 'grade', op: 'in', value: [...grades] },
    message: `«${subject}» пишут только в ${grades.join(', ')} классах`,
  }));

export const APPLICATION_DICTIONARIES = { grades: [...GRADES], subjects: SUBJECTS };

export const applicationTemplate: FormTemplate = {
  code: APPLICATION_TEMPLATE_CODE,
  title: 'Заявка на участие в ВПР',
  instruction: [
    'Заявка образовательной организации на участие во Всероссийских проверочных работах.',
    'На листе «Заявка» укажите по одной строке на каждую пару «параллель — предмет», в которой ОО участвует: параллель, предмет, число классов и число участников. Параллель и предмет выбираются из списка.',
    'Не меняйте названия листов и заголовки столбцов. Заполненный файл загрузите в личном кабинете или заполните заявку прямо на странице сбора и нажмите «Сдать отчет».',
    'Заявку проверяет и подтверждает региональный координатор; подтверждённые данные появятся в кабинете ОО.',
  ].join('\n'),
  sheets: [
    {
      key: APPLICATION_SHEET,
      title: 'Заявка',
      hint: 'Одна строка — одна пара «параллель — предмет». Если ОО не участвует в ВПР, оставьте лист пустым.',
      rows: { mode: 'free', max: 100 },
      columns: lineColumns(true),
      rules: subjectGradeRules(),
    },
  ],
  dictionaries: APPLICATION_DICTIONARIES,
};
