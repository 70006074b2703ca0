import type { FormTemplate } from '@oko/shared';

const GRADES = [4, 5, 6, 7, 8, 9, 10, 11];

/**
 * «Анкета ОО (контекстные данные)»: what the school is like, gathered once a year beside the ВПР so
 * results can be read in context. One row about the ОО, one per parallel, one per teacher.
 */
export const OO_QUESTIONNAIRE_TEMPLATE: FormTemplate = {
  code: 'oo-questionnaire-2026',
  title: 'Анкета ОО, контекстные данные',
  instruction:
    'Заполните три листа: «Общие сведения» — одна строка об ОО; «Параллели» — по строке на каждую параллель ' +
    '4–11 классов (если параллели нет, укажите 0 классов); «Учителя» — по строке на каждого учителя, ведущего ' +
    'предметы ВПР. Фамилии не указываются. Серые столбцы заполняются автоматически. Данные сохраняются сами; ' +
    'когда всё заполнено, нажмите «Сдать отчет». Анкету можно сдавать повторно до закрытия сбора: хранятся все версии.',
  dictionaries: {
    settlement: ['Город с населением более 1 млн', 'Город', 'Посёлок городского типа', 'Сельский населённый пункт'],
    yesNo: ['Да', 'Нет'],
    subject: [
      'Начальные классы',
      'Русский язык',
      'Литература',
      'Математика',
      'Информатика',
      'Физика',
      'Химия',
      'Биология',
      'География',
      'История',
      'Обществознание',
      'Иностранный язык',
    ],
    category: ['Высшая', 'Первая', 'Соответствие занимаемой должности', 'Без категории'],
  },
  sheets: [
    {
      key: 'general',
      title: 'Общие сведения',
      hint: 'Одна строка об образовательной организации на дату заполнения анкеты.',
      rows: { mode: 'fixed', labelTitle: 'Раздел', rows: [{ key: 'oo', label: 'Сведения об ОО' }] },
      columns: [
        { key: 'login', title: 'Логин', kind: 'prefill', prefill: 'login', width: 12 },
        { key: 'name', title: 'Наименование ОО', kind: 'prefill', prefill: 'shortName', width: 30 },
        {
          key: 'settlement',
          title: 'Тип населённого пункта',
          kind: 'list',
          list: 'settlement',
          required: true,
          hint: 'По месту нахождения основного здания ОО.',
          width: 26,
        },
        {
          key: 'students',
          title: 'Число обучающихся',
          kind: 'integer',
          min: 1,
          max: 10000,
          required: true,
          hint: 'Всего обучающихся 1–11 классов на дату заполнения.',
        },
        { key: 'teachersStaff', title: 'Учителей в штате', kind: 'integer', min: 0, max: 1000, required: true },
        {
          key: 'teachersPart',
          title: 'Учителей-совместителей',
          kind: 'integer',
          min: 0,
          max: 1000,
          required: true,
          hint: 'Внешние совместители; если их нет, укажите 0.',
        },
        {
          key: 'teachersTotal',
          title: 'Учителей всего',
          kind: 'computed',
          sumOf: ['teachersStaff', 'teachersPart'],
          hint: 'Считается сам: штатные + совместители.',
        },
        {
          key: 'topCategoryShare',
          title: 'Доля учителей высшей категории, %',
          kind: 'decimal',
          decimals: 1,
          min: 0,
          max: 100,
          required: true,
          hint: 'Процент от всех учителей, до десятых: например, 37,5.',
        },
        { key: 'internet', title: 'Доступ в интернет в кабинетах', kind: 'list', list: 'yesNo', required: true },
        {
          key: 'computers',
          title: 'Компьютеров для обучающихся',
          kind: 'integer',
          min: 0,
          max: 5000,
          required: true,
          hint: 'Исправные компьютеры и ноутбуки, на которых могут работать обучающиеся.',
        },
      ],
      rules: [
        {
          if: { column: 'teachersStaff', op: 'eq', value: 0 },
          then: { column: 'teachersPart', op: 'gt', value: 0 },
          message: 'Учителей не может не быть совсем: укажите штатных или совместителей',
        },
      ],
    },
    {
      key: 'grades',
      title: 'Параллели',
      hint: 'По строке на параллель. Если параллели в ОО нет, укажите 0 классов и 0 обучающихся.',
      rows: {
        mode: 'fixed',
        labelTitle: 'Параллель',
        rows: GRADES.map((g) => ({ key: `g${g}`, label: `${g} класс` })),
      },
      columns: [
        { key: 'classes', title: 'Классов', kind: 'integer', min: 0, max: 50, required: true },
        { key: 'students', title: 'Обучающихся', kind: 'integer', min: 0, max: 2000, required: true },
        {
          key: 'disabled',
          title: 'Из них с ОВЗ',
          kind: 'integer',
          min: 0,
          max: 2000,
          hint: 'Обучающиеся с ограниченными возможностями здоровья; пусто — нет таких.',
        },
      ],
      rules: [
        {
          if: { column: 'classes', op: 'gt', value: 0 },
          then: { column: 'students', op: 'gt', value: 0 },
          message: 'Есть классы — должны быть и обучающиеся',
        },
        {
          if: { column: 'classes', op: 'eq', value: 0 },
          then: { column: 'students', op: 'eq', value: 0 },
          message: 'Нет классов — не может быть и обучающихся',
        },
        {
          if: { column: 'disabled', op: 'notEmpty' },
          then: { column: 'disabled', op: 'lte', otherColumn: 'students' },
          message: 'Обучающихся с ОВЗ не может быть больше, чем обучающихся',
        },
      ],
    },
    {
      key: 'teachers',
      title: 'Учителя',
      hint: 'По строке на каждого учителя предметов ВПР; фамилии не нужны. Учитель двух предметов — две строки.',
      rows: { mode: 'free', max: 300 },
      columns: [
        { key: 'subject', title: 'Предмет', kind: 'list', list: 'subject', required: true, width: 22 },
        {
          key: 'experience',
          title: 'Стаж, лет',
          kind: 'integer',
          min: 0,
          max: 60,
          required: true,
          hint: 'Педагогический стаж полных лет.',
        },
        {
          key: 'category',
          title: 'Категория',
          kind: 'list',
          list: 'category',
          required: true,
          hint: 'Квалификационная категория на дату заполнения.',
          width: 30,
        },
      ],
      rules: [
        {
          if: { column: 'category', op: 'eq', value: 'Высшая' },
          then: { column: 'experience', op: 'gte', value: 2 },
          message: 'Высшая категория присваивается не ранее чем через 2 года работы',
        },
      ],
    },
  ],
};
