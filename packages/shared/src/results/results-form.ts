import { taskHeader } from '../campaigns.ts';
import { isBlank, parseNumberText } from '../forms/normalize.ts';
import type { ColumnDef, CrossRule, FormRow, FormTemplate } from '../forms/template.ts';

/**
 * The results form of one ОО × subject × grade in the 2026 layout (DOMAIN.md «The results form»): sheet
 * «Протокол» with the participant code, variant, one column per task `N (Mб)`, class ordinal, journal mark and
 * the computed total, and the lists on the hidden «Служебный». One definition serves the XLSX to download, the
 * XLSX read back and the online table, so all three accept and refuse the same things.
 */

export const RESULTS_SHEET = 'protocol';
export const RESULTS_SHEET_TITLE = 'Протокол';
export const ABSENT = 'отсутствовал';
export const NOT_ATTEMPTED = 'X';
export const NO_MARK = 'нет отметки';
export const RESULTS_MAX_ROWS = 1500;
export const CLASS_NO_TITLE = 'Порядковый номер класса';
export const JOURNAL_TITLE = 'Отметка за предыдущий триместр/ четверть/полугодие';
export const TOTAL_TITLE = 'Итого баллов';

/** What the form needs to know of a subject. */
export interface ResultsSubject {
  code: string;
  name: string;
  grade: number;
  variants: number;
  /** the campaign's year, printed in the form's title and checked on upload */
  year: number;
  tasks: { number: string; maxScore: number; dependsOn?: string | null }[];
}

export const taskKey = (position: number): string => `t${position + 1}`;

const scoreList = (max: number): string => `score${max}`;

/** The identity written into the file: an upload of another subject, grade or year is refused by it. */
export const resultsFormCode = (s: Pick<ResultsSubject, 'code' | 'grade' | 'year'>): string =>
  `vpr-results-${s.year}-${s.grade}-${s.code}`;

export const resultsFormTitle = (s: Pick<ResultsSubject, 'name' | 'grade' | 'year'>): string =>
  `ВПР ${s.year}. ${s.name}, ${s.grade} класс. Форма сбора результатов`;

export function resultsTemplate(subject: ResultsSubject): FormTemplate {
  const variants = Array.from({ length: subject.variants }, (_, i) => String(i + 1));
  const dictionaries: Record<string, string[]> = {
    variants: [...variants, ABSENT],
    marks: ['5', '4', '3', '2', NO_MARK],
  };
  const taskColumns: ColumnDef[] = subject.tasks.map((t, i) => {
    dictionaries[scoreList(t.maxScore)] ??= [
      ...Array.from({ length: t.maxScore + 1 }, (_, k) => String(t.maxScore - k)),
      NOT_ATTEMPTED,
    ];
    return {
      key: taskKey(i),
      title: taskHeader(t),
      kind: 'list',
      list: scoreList(t.maxScore),
      hint: `Задание ${t.number}: балл от 0 до ${t.maxScore} или X, если участник не приступал к заданию.`,
      width: 8,
    };
  });
  const taskKeys = taskColumns.map((c) => c.key);
  const present: CrossRule['if'] = { column: 'variant', op: 'in', value: variants };
  const rules: CrossRule[] = [];
  subject.tasks.forEach((t, i) => {
    rules.push({
      if: { column: 'variant', op: 'eq', value: ABSENT },
      then: { column: taskKey(i), op: 'empty' },
      message: 'Участник отсутствовал: баллы за задания не ставятся',
    });
    rules.push({
      if: present,
      then: { column: taskKey(i), op: 'notEmpty' },
      message: `Поставьте балл за задание ${t.number} или X, если участник не приступал к нему`,
    });
    if (t.dependsOn) {
      const parent = subject.tasks.findIndex((p) => p.number === t.dependsOn);
      if (parent >= 0) {
        rules.push({
          if: { column: taskKey(parent), op: 'in', value: ['0', NOT_ATTEMPTED] },
          then: { column: taskKey(i), op: 'in', value: ['0', NOT_ATTEMPTED] },
          message: `По критерию ${t.dependsOn} выставлено 0 или X, поэтому по ${t.number} тоже ставится 0 или X`,
        });
      }
    }
  });
  rules.push(
    {
      if: present,
      then: { column: 'classNo', op: 'notEmpty' },
      message: 'Укажите порядковый номер класса (1–50)',
    },
    {
      if: present,
      then: { column: 'journal', op: 'notEmpty' },
      message: `Укажите отметку по журналу или «${NO_MARK}»`,
    },
  );
  return {
    code: resultsFormCode(subject),
    title: resultsFormTitle(subject),
    instruction: [
      `${resultsFormTitle(subject)}.`,
      '• Одна строка — один участник. Код участника — из списка кодов вашей ОО для этого класса; ФИО в форму не вносятся.',
      `• Вариант: номер варианта или «${ABSENT}», если участник не писал работу (тогда баллы не ставятся).`,
      '• Баллы за задания — из списка в ячейке; X — участник не приступал к заданию (считается как 0).',
      `• «${TOTAL_TITLE}» считается сам: сайт пересчитывает сумму и не берёт её из файла.`,
      '• Не меняйте порядок и названия столбцов и листов. Загрузить файл можно до 23:00 по московскому времени дня срока; повторная загрузка заменяет прежнюю.',
    ].join('\n'),
    sheets: [
      {
        key: RESULTS_SHEET,
        title: RESULTS_SHEET_TITLE,
        hint: 'Одна строка — один участник: код, вариант, баллы за задания, класс и отметка по журналу.',
        rows: { mode: 'free', max: RESULTS_MAX_ROWS },
        columns: [
          {
            key: 'code',
            title: 'Код участника',
            kind: 'text',
            required: true,
            pattern: '[0-9]{5,6}',
            patternMessage: 'Код участника — 5 или 6 цифр из списка кодов вашей ОО',
            hint: 'Код из списка кодов участников вашей ОО для этого класса.',
            width: 14,
          },
          {
            key: 'variant',
            title: 'Вариант',
            kind: 'list',
            list: 'variants',
            required: true,
            hint: `Номер варианта или «${ABSENT}».`,
            width: 14,
          },
          ...taskColumns,
          {
            key: 'classNo',
            title: CLASS_NO_TITLE,
            kind: 'integer',
            min: 1,
            max: 50,
            hint: 'Номер класса в параллели: 1 для «А», 2 для «Б» и так далее (от 1 до 50).',
            width: 14,
          },
          {
            key: 'journal',
            title: JOURNAL_TITLE,
            kind: 'list',
            list: 'marks',
            hint: `Отметка за предыдущий триместр, четверть или полугодие; «${NO_MARK}», если её нет.`,
            width: 22,
          },
          { key: 'total', title: TOTAL_TITLE, kind: 'computed', sumOf: taskKeys, width: 10 },
        ],
        rules,
      },
    ],
    dictionaries,
  };
}

/** One accepted row as the results table keeps it. */
export interface ParticipantResult {
  code: string;
  /** null: absent */
  variant: number | null;
  classNo: number | null;
  /** per task position, null = X; null as a whole when absent */
  scores: (number | null)[] | null;
  total: number | null;
  mark: 2 | 3 | 4 | 5 | null;
  /** null: «нет отметки» (or absent) */
  journal: 2 | 3 | 4 | 5 | null;
}

export interface ConversionScale {
  scale3: number;
  scale4: number;
  scale5: number;
}

/** The mark of a primary score by the subject's conversion scale (minimal scores for 3, 4 and 5). */
export function markOf(total: number, scale: ConversionScale): 2 | 3 | 4 | 5 {
  if (total >= scale.scale5) return 5;
  if (total >= scale.scale4) return 4;
  if (total >= scale.scale3) return 3;
  return 2;
}

const asMark = (v: unknown): 2 | 3 | 4 | 5 | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? parseNumberText(v) : null;
  return n === 2 || n === 3 || n === 4 || n === 5 ? n : null;
};

/**
 * A validated row of the form as a participant's result. The total is recomputed here from the scores, never
 * taken from the row; X and absent tasks count 0.
 */
export function rowToResult(row: FormRow, taskCount: number, scale: ConversionScale): ParticipantResult {
  const code = String(row.code ?? '').trim();
  const variantCell = row.variant;
  const absent = variantCell === ABSENT;
  const classNo = typeof row.classNo === 'number' ? row.classNo : null;
  if (absent)
    return { code, variant: null, classNo, scores: null, total: null, mark: null, journal: asMark(row.journal) };
  const scores: (number | null)[] = [];
  let total = 0;
  for (let i = 0; i < taskCount; i++) {
    const v = row[taskKey(i)];
    const n = isBlank(v) || v === NOT_ATTEMPTED ? null : typeof v === 'number' ? v : parseNumberText(String(v));
    scores.push(n);
    total += n ?? 0;
  }
  return {
    code,
    variant: Number(variantCell),
    classNo,
    scores,
    total,
    mark: markOf(total, scale),
    journal: asMark(row.journal),
  };
}
