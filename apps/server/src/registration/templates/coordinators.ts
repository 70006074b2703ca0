import type { CrossRule, FormTemplate } from '@oko/shared';

/**
 * The list of municipal coordinators of a region: one fixed row per municipality (its code is the
 * row key), with the contact of its coordinator. A row left empty changes nothing.
 */

export const COORDINATORS_SHEET = 'coordinators';
export const COORDINATORS_SHEET_TITLE = 'Координаторы';
export const CONTACT_KEYS = ['fullName', 'position', 'phone', 'email'] as const;
/** The same rules as the Contact schema of the API, so a valid row is a valid contact. */
export const PHONE_PATTERN = '^[+\\d][\\d\\s()-]{5,24}$';
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';

const TITLES = { fullName: 'ФИО', position: 'Должность', phone: 'Телефон', email: 'E-mail' } as const;

/** All four fields or none: a half-filled contact is refused with the missing column named. */
const allOrNothing: CrossRule[] = CONTACT_KEYS.filter((k) => k !== 'fullName').flatMap((k): CrossRule[] => [
  {
    if: { column: 'fullName', op: 'notEmpty' },
    then: { column: k, op: 'notEmpty' },
    message: `Заполните «${TITLES[k]}»: контакт координатора указывается полностью`,
  },
  {
    if: { column: k, op: 'notEmpty' },
    then: { column: 'fullName', op: 'notEmpty' },
    message: 'Заполните «ФИО» координатора',
  },
]);

export function coordinatorsTemplate(
  regionName: string,
  municipalities: { code: string; name: string }[],
): FormTemplate {
  return {
    code: 'municipal-coordinators',
    title: `Муниципальные координаторы: ${regionName}`,
    instruction: [
      `Список муниципальных координаторов ВПР: ${regionName}.`,
      'Для каждого муниципалитета укажите ФИО, должность, телефон и адрес электронной почты координатора. Пустая строка ничего не меняет.',
      'Не меняйте названия листов, заголовки и столбец «Муниципалитет».',
      'После загрузки вы увидите изменения и подтвердите их кнопкой «Применить». Если у муниципалитета ещё нет координатора, будет создана учётная запись вида regRR_mNNN; её пароль показывается один раз.',
    ].join('\n'),
    sheets: [
      {
        key: COORDINATORS_SHEET,
        title: COORDINATORS_SHEET_TITLE,
        hint: 'Одна строка — один муниципалитет. Контакт заполняется целиком: ФИО, должность, телефон, e-mail.',
        rows: {
          mode: 'fixed',
          labelTitle: 'Муниципалитет',
          rows: municipalities.map((m) => ({ key: m.code, label: `${m.code} ${m.name}`.slice(0, 300) })),
        },
        columns: [
          {
            key: 'fullName',
            title: TITLES.fullName,
            kind: 'text',
            maxLength: 200,
            width: 36,
            hint: 'Фамилия, имя, отчество.',
          },
          {
            key: 'position',
            title: TITLES.position,
            kind: 'text',
            maxLength: 200,
            width: 30,
            hint: 'Должность координатора.',
          },
          {
            key: 'phone',
            title: TITLES.phone,
            kind: 'text',
            pattern: PHONE_PATTERN,
            patternMessage: 'Телефон: цифры, пробелы, скобки и дефисы, например +7 (4012) 00-00-00',
            width: 20,
            hint: 'Рабочий телефон с кодом города.',
          },
          {
            key: 'email',
            title: TITLES.email,
            kind: 'text',
            maxLength: 200,
            pattern: EMAIL_PATTERN,
            patternMessage: 'Адрес электронной почты вида name@example.ru',
            width: 30,
            hint: 'Адрес электронной почты координатора.',
          },
        ],
        rules: allOrNothing,
      },
    ],
    dictionaries: {},
  };
}

export const CONTACT_TITLES = TITLES;
