import { computeForm, type ColumnDef, type FormData, type FormRow, type FormTemplate } from '@oko/shared';

const HOURS = ['0', '1', '2', '3', '4', '5', '6', 'X'];

/**
 * A small but complete form — fixed and free sheets, every column kind, a dictionary with "X", cross rules with
 * and without `if` — shared by the forms tests and other features' tests.
 */
export const SAMPLE_TEMPLATE: FormTemplate = {
  code: 'sample-oo-info',
  title: 'Сведения об ОО',
  instruction:
    'Заполните сведения о классах и о педагогах вашей организации. Данные можно ввести на сайте или в этом файле; ' +
    'файл загружается обратно на той же странице.',
  dictionaries: {
    languages: ['Русский', 'Татарский', 'Башкирский', 'Чувашский', 'Другой'],
    hours: HOURS,
    categories: ['Высшая', 'Первая', 'Соответствие занимаемой должности', 'Без категории'],
  },
  sheets: [
    {
      key: 'classes',
      title: 'Классы',
      hint: 'Одна строка на класс. Строки не добавляйте и не удаляйте.',
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
        {
          key: 'students',
          title: 'Обучающихся',
          kind: 'integer',
          required: true,
          min: 0,
          max: 50,
          hint: 'Сколько обучающихся в классе на 1 сентября',
        },
        { key: 'participants', title: 'Участников', kind: 'integer', min: 0, max: 50, hint: 'Сколько напишут ВПР' },
        { key: 'language', title: 'Язык обучения', kind: 'list', list: 'languages' },
        {
          key: 'hoursRu',
          title: 'Уроков русского в неделю',
          kind: 'list',
          list: 'hours',
          hint: 'X — предмет не изучается',
        },
        { key: 'hoursMath', title: 'Уроков математики в неделю', kind: 'list', list: 'hours' },
        { key: 'hoursTotal', title: 'Уроков всего', kind: 'computed', sumOf: ['hoursRu', 'hoursMath'], max: 12 },
      ],
      rules: [
        {
          then: { column: 'participants', op: 'lte', otherColumn: 'students' },
          message: 'Участников не может быть больше, чем обучающихся',
        },
        {
          if: { column: 'participants', op: 'gt', value: 0 },
          then: { column: 'language', op: 'notEmpty' },
          message: 'Укажите язык обучения: в классе есть участники',
        },
      ],
    },
    {
      key: 'staff',
      title: 'Кадры',
      hint: 'Педагоги, которые будут организаторами в аудиториях. Не больше 100 строк.',
      rows: { mode: 'free', max: 100 },
      columns: [
        { key: 'login', title: 'Логин ОО', kind: 'prefill', prefill: 'login' },
        {
          key: 'fio',
          title: 'ФИО',
          kind: 'text',
          required: true,
          maxLength: 200,
          pattern: "[А-ЯЁа-яё' .-]+",
          patternMessage: 'ФИО пишется русскими буквами',
          width: 36,
        },
        { key: 'birthDate', title: 'Дата рождения', kind: 'date', hint: 'В виде ДД.ММ.ГГГГ' },
        { key: 'rate', title: 'Ставка', kind: 'decimal', min: 0, max: 2, decimals: 2, hint: 'Например 1 или 0,5' },
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

const TASKS = 25;
/** A task's max score cycles 1..5; its dictionary is max…0 and X, as in the real results form. */
const maxScore = (t: number): number => (t % 5) + 1;

/**
 * The shape of the real results form (DOMAIN.md): participant code, variant, 25 task scores from lists with X,
 * class number, journal mark and the total — 30 columns on one free sheet of `rows` rows.
 */
export function sampleResultsTemplate(rows = 1500): FormTemplate {
  const tasks: ColumnDef[] = Array.from({ length: TASKS }, (_, t) => ({
    key: `t${t + 1}`,
    title: `${t + 1} (${maxScore(t)}б)`,
    kind: 'list',
    list: `score${maxScore(t)}`,
  }));
  const dictionaries: Record<string, string[]> = {
    variants: ['1', '2', 'отсутствовал'],
    marks: ['5', '4', '3', '2', 'нет отметки'],
  };
  for (let m = 1; m <= 5; m++) {
    dictionaries[`score${m}`] = [...Array.from({ length: m + 1 }, (_, i) => String(m - i)), 'X'];
  }
  return {
    code: 'sample-results',
    title: 'Форма сбора результатов: Математика, 4 класс',
    instruction: 'Одна строка — один участник. Баллы выберите из списка, X — участник не приступал к заданию.',
    dictionaries,
    sheets: [
      {
        key: 'protocol',
        title: 'Протокол',
        rows: { mode: 'free', max: rows },
        columns: [
          { key: 'code', title: 'Код участника', kind: 'text', required: true, pattern: '\\d{5}', maxLength: 5 },
          { key: 'variant', title: 'Вариант', kind: 'list', list: 'variants', required: true },
          ...tasks,
          { key: 'classNo', title: 'Порядковый номер класса', kind: 'integer', min: 1, max: 50 },
          { key: 'mark', title: 'Отметка за предыдущий триместр/ четверть/полугодие', kind: 'list', list: 'marks' },
          { key: 'total', title: 'Итого баллов', kind: 'computed', sumOf: tasks.map((t) => t.key) },
        ],
      },
    ],
  };
}

/** `rows` filled participants for sampleResultsTemplate, totals computed. */
export function sampleResultsData(template: FormTemplate, rows: number): FormData {
  const protocol: FormRow[] = [];
  for (let i = 0; i < rows; i++) {
    const row: FormRow = { code: String(40001 + i), variant: String((i % 2) + 1), classNo: (i % 6) + 1, mark: '4' };
    for (let t = 0; t < TASKS; t++) row[`t${t + 1}`] = (i + t) % 7 === 0 ? 'X' : String((i + t) % (maxScore(t) + 1));
    protocol.push(row);
  }
  return computeForm(template, { protocol });
}
