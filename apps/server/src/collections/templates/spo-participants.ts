import type { FormTemplate } from '@oko/shared';

/** Enlarged groups of specialties (УГС) a college typically trains; one row each. */
const SPECIALTY_GROUPS = [
  ['09', '09.00.00 Информатика и вычислительная техника'],
  ['13', '13.00.00 Электро- и теплоэнергетика'],
  ['15', '15.00.00 Машиностроение'],
  ['23', '23.00.00 Техника и технологии наземного транспорта'],
  ['31', '31.00.00 Клиническая медицина'],
  ['38', '38.00.00 Экономика и управление'],
  ['43', '43.00.00 Сервис и туризм'],
  ['44', '44.00.00 Образование и педагогические науки'],
] as const;

/** «Сведения об участниках ВПР СПО (1 курс)»: how many first-year students each college puts forward. */
export const SPO_PARTICIPANTS_TEMPLATE: FormTemplate = {
  code: 'vpr-spo-participants-2026',
  title: 'Сведения об участниках ВПР СПО (1 курс)',
  instruction:
    'По строке на каждую укрупнённую группу специальностей. Если по группе нет обучающихся 1 курса, ' +
    'укажите 0 групп. Участники — обучающиеся 1 курса на базе основного общего образования (после 9 класса).',
  dictionaries: { form: ['Очная', 'Очно-заочная', 'Заочная'] },
  sheets: [
    {
      key: 'groups',
      title: 'Участники 1 курса',
      hint: 'Числа на дату заполнения; участники не могут превышать число обучающихся на базе 9 классов.',
      rows: {
        mode: 'fixed',
        labelTitle: 'Укрупнённая группа специальностей',
        rows: SPECIALTY_GROUPS.map(([key, label]) => ({ key: `ugs${key}`, label })),
      },
      columns: [
        { key: 'groups', title: 'Учебных групп 1 курса', kind: 'integer', min: 0, max: 100, required: true },
        { key: 'students', title: 'Обучающихся 1 курса', kind: 'integer', min: 0, max: 3000, required: true },
        {
          key: 'after9',
          title: 'Из них на базе 9 классов',
          kind: 'integer',
          min: 0,
          max: 3000,
          required: true,
        },
        {
          key: 'participants',
          title: 'Будут участвовать в ВПР СПО',
          kind: 'integer',
          min: 0,
          max: 3000,
          required: true,
          hint: 'Обучающиеся на базе 9 классов, которые будут писать работы.',
        },
        { key: 'form', title: 'Форма обучения', kind: 'list', list: 'form', hint: 'Основная форма обучения групп.' },
      ],
      rules: [
        {
          then: { column: 'after9', op: 'lte', otherColumn: 'students' },
          message: 'Обучающихся на базе 9 классов не может быть больше, чем обучающихся 1 курса',
        },
        {
          then: { column: 'participants', op: 'lte', otherColumn: 'after9' },
          message: 'Участников не может быть больше, чем обучающихся на базе 9 классов',
        },
        {
          if: { column: 'groups', op: 'eq', value: 0 },
          then: { column: 'students', op: 'eq', value: 0 },
          message: 'Нет групп — не может быть и обучающихся',
        },
      ],
    },
  ],
};
