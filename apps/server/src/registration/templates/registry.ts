import type { ColumnDef, FormTemplate } from '@oko/shared';

/**
 * The registry check (выверка ОО): the ОО of a municipality or a region as one free sheet.
 * An existing ОО is matched by its code; a row without a code is a new ОО, whose code and login
 * the system assigns. The regional file also says which municipality each ОО belongs to.
 */

export const REGISTRY_SHEET = 'orgs';
export const REGISTRY_SHEET_TITLE = 'ОО';
export const STATUS_ACTIVE = 'действует';
export const STATUS_CLOSED = 'закрыта';

/** A municipality as a list item: its code first, so the code is read back from the choice. */
export const municipalityItem = (m: { code: string; name: string }) => `${m.code} ${m.name}`.slice(0, 200);
export const municipalityCodeOf = (item: string) => /^(\d{3})(\s|$)/.exec(item.trim())?.[1] ?? null;

export interface RegistryScope {
  title: string;
  /** present for the regional file: the municipalities of the region */
  municipalities: { code: string; name: string }[] | null;
}

export function registryTemplate(scope: RegistryScope): FormTemplate {
  const regional = scope.municipalities !== null;
  const columns: ColumnDef[] = [
    {
      key: 'code',
      title: 'Код ОО',
      kind: 'text',
      pattern: '^\\d{6}$',
      patternMessage: 'Код ОО — шесть цифр',
      hint: 'Код существующей ОО не изменяйте. Для новой ОО оставьте пустым: код присвоит система.',
      width: 10,
    },
    {
      key: 'login',
      title: 'Логин',
      kind: 'text',
      maxLength: 40,
      hint: 'Логин ОО в системе. Не изменяйте его; у новой ОО оставьте пустым — логин будет выдан.',
      width: 12,
    },
    {
      key: 'fullName',
      title: 'Полное наименование',
      kind: 'text',
      required: true,
      maxLength: 500,
      hint: 'Полное наименование ОО по уставу.',
      width: 60,
    },
    {
      key: 'shortName',
      title: 'Краткое наименование',
      kind: 'text',
      required: true,
      maxLength: 200,
      hint: 'Краткое наименование ОО.',
      width: 30,
    },
  ];
  if (regional) {
    columns.push({
      key: 'municipality',
      title: 'Муниципалитет',
      kind: 'list',
      list: 'municipalities',
      required: true,
      hint: 'Муниципалитет ОО: выберите из списка (код и название).',
      width: 36,
    });
  }
  columns.push({
    key: 'status',
    title: 'Статус',
    kind: 'list',
    list: 'statuses',
    required: true,
    hint: `«${STATUS_CLOSED}» — ОО прекратила существование; «${STATUS_ACTIVE}» — работает.`,
    width: 12,
  });
  const dictionaries: Record<string, string[]> = { statuses: [STATUS_ACTIVE, STATUS_CLOSED] };
  if (regional && scope.municipalities!.length > 0) {
    dictionaries.municipalities = scope.municipalities!.map(municipalityItem);
  }
  return {
    code: regional ? 'registry-region' : 'registry-municipality',
    title: `Выверка ОО: ${scope.title}`,
    instruction: [
      `Список образовательных организаций: ${scope.title}. Проведите выверку:`,
      `• ОО, прекратившую существование, не удаляйте — поставьте ей статус «${STATUS_CLOSED}».`,
      `• Новую ОО добавьте новой строкой внизу списка: полное и краткое наименование${regional ? ', муниципалитет' : ''}, статус «${STATUS_ACTIVE}». Код ОО и логин оставьте пустыми — их присвоит система.`,
      '• Изменившееся наименование исправьте в строке ОО.',
      'Не меняйте коды и логины существующих ОО, названия листов и заголовки столбцов.',
      'Загрузите файл в разделе «Регистрация»: вы увидите, что будет добавлено, закрыто и изменено, и подтвердите изменения кнопкой «Применить». Реквизиты новых ОО будут показаны один раз.',
    ].join('\n'),
    sheets: [
      {
        key: REGISTRY_SHEET,
        title: REGISTRY_SHEET_TITLE,
        hint: 'Одна строка — одна ОО. Закрытые ОО отметьте статусом, новые добавьте строками без кода.',
        rows: { mode: 'free', max: 20000 },
        columns,
      },
    ],
    dictionaries,
  };
}
