import { addDays, type MaterialsGroup } from '@oko/shared';
import { JobsRepository } from '../jobs/jobs.repository.ts';
import { GENERATE_CODES_JOB } from '../materials/generate-codes.job.ts';
import { GENERATE_MATERIALS_JOB } from '../materials/generate-materials.job.ts';
import type { DemoContext } from './seed-platform.ts';

export const DEMO_CAMPAIGN_TITLE = 'ВПР 2027 (демонстрационная кампания)';

interface DemoTask {
  number: string;
  max: number;
  difficulty: 'Б' | 'П' | 'В';
  planned: string;
  /** the criterion whose 0 or X forces 0 or X on this one */
  dependsOn?: string;
  /** the bank's interchangeable items: text, answer, criteria */
  items: [string, string, string][];
}

interface DemoSubject {
  code: string;
  name: string;
  grade: number;
  group: MaterialsGroup;
  /** the test date, days from today: every state of the materials is on screen at once */
  inDays: number;
  scale: [number, number, number];
  tasks: DemoTask[];
}

const arithmetic = (n: number): [string, string, string][] =>
  [0, 1, 2].map((k) => {
    const a = 120 + 37 * (n + k);
    const b = 45 + 11 * (k + 1);
    return [`Найди значение выражения ${a} + ${b} − ${b - 9}.`, String(a + 9), 'Верный ответ — 1 балл.'];
  });

const MATH_4: DemoTask[] = [
  { number: '1', max: 1, difficulty: 'Б', planned: 'Вычисления с натуральными числами', items: arithmetic(1) },
  { number: '2', max: 1, difficulty: 'Б', planned: 'Порядок действий', items: arithmetic(2) },
  { number: '3', max: 2, difficulty: 'Б', planned: 'Текстовая задача в одно-два действия', items: arithmetic(3) },
  { number: '4', max: 1, difficulty: 'Б', planned: 'Единицы времени', items: arithmetic(4) },
  { number: '5.1', max: 1, difficulty: 'Б', planned: 'Периметр прямоугольника', items: arithmetic(5) },
  { number: '5.2', max: 1, difficulty: 'Б', planned: 'Построение фигуры', items: arithmetic(6) },
  { number: '6.1', max: 1, difficulty: 'Б', planned: 'Чтение таблицы', items: arithmetic(7) },
  { number: '6.2', max: 1, difficulty: 'П', planned: 'Анализ данных таблицы', items: arithmetic(8) },
  { number: '7', max: 1, difficulty: 'Б', planned: 'Письменные вычисления', items: arithmetic(9) },
  { number: '8', max: 2, difficulty: 'П', planned: 'Задача на покупки', items: arithmetic(10) },
  { number: '9', max: 2, difficulty: 'П', planned: 'Логическая задача', items: arithmetic(11) },
  { number: '10', max: 6, difficulty: 'В', planned: 'Нестандартная задача', items: arithmetic(12) },
];

const dictation = (topic: string): [string, string, string][] =>
  ['лес', 'поле', 'река'].map((word) => [
    `${topic}: спишите текст о слове «${word}», вставляя пропущенные буквы и расставляя знаки препинания.`,
    `Образец записи для слова «${word}»`,
    'Баллы по критериям К1–К3 (см. таблицу критериев).',
  ]);

const RUSSIAN_4: DemoTask[] = [
  { number: '1К1', max: 4, difficulty: 'Б', planned: 'Орфографические нормы', items: dictation('Диктант') },
  // a dictation with gross errors is 0 on К1, and then punctuation and copying are not scored either
  {
    number: '1К2',
    max: 3,
    difficulty: 'Б',
    planned: 'Пунктуационные нормы',
    dependsOn: '1К1',
    items: dictation('Диктант'),
  },
  {
    number: '1К3',
    max: 2,
    difficulty: 'Б',
    planned: 'Правильность списывания текста',
    dependsOn: '1К1',
    items: dictation('Диктант'),
  },
  { number: '2', max: 3, difficulty: 'Б', planned: 'Разбор по членам предложения', items: dictation('Разбор') },
  { number: '3.1', max: 1, difficulty: 'Б', planned: 'Однородные члены', items: dictation('Синтаксис') },
  { number: '3.2', max: 2, difficulty: 'П', planned: 'Части речи', items: dictation('Морфология') },
  { number: '4', max: 2, difficulty: 'Б', planned: 'Орфоэпические нормы', items: dictation('Ударение') },
  { number: '5', max: 2, difficulty: 'Б', planned: 'Звуки и буквы', items: dictation('Фонетика') },
  { number: '6', max: 2, difficulty: 'Б', planned: 'Основная мысль текста', items: dictation('Текст') },
  { number: '7', max: 3, difficulty: 'П', planned: 'План текста', items: dictation('План') },
  { number: '8', max: 2, difficulty: 'П', planned: 'Вопрос к тексту', items: dictation('Вопрос') },
  { number: '9', max: 2, difficulty: 'П', planned: 'Значение слова', items: dictation('Лексика') },
  { number: '10', max: 3, difficulty: 'П', planned: 'Подбор синонима', items: dictation('Синонимы') },
  { number: '11', max: 2, difficulty: 'Б', planned: 'Состав слова', items: dictation('Состав слова') },
  { number: '12', max: 5, difficulty: 'В', planned: 'Жизненная ситуация', items: dictation('Ситуация') },
];

const history = (epoch: string): [string, string, string][] =>
  ['Египет', 'Греция', 'Рим'].map((land) => [
    `${epoch}: рассмотрите иллюстрацию и напишите, к истории какой страны (${land} или другой) она относится. Объясните свой ответ.`,
    `${land}`,
    'Указана страна и дано объяснение — 2 балла; только страна — 1 балл.',
  ]);

const HISTORY_TASKS = (grade: number): DemoTask[] =>
  Array.from({ length: 8 }, (_, i) => ({
    number: String(i + 1),
    max: i < 6 ? 1 : grade === 6 ? 4 : 3,
    difficulty: i < 5 ? 'Б' : i < 7 ? 'П' : 'В',
    planned: ['Хронология', 'Карта', 'Иллюстрации', 'Термины', 'Личности', 'Причины', 'Родной край', 'Памятники'][i]!,
    items: history(`Задание ${i + 1}`),
  }));

const BIOLOGY_5: DemoTask[] = Array.from({ length: 8 }, (_, i) => ({
  number: String(i + 1),
  max: i < 6 ? 1 : 3,
  difficulty: i < 6 ? 'Б' : 'П',
  planned: 'Живые организмы и их признаки',
  items: ['растения', 'животные', 'грибы'].map((g) => [
    `Рассмотрите изображения (${g}) и выберите признак, общий для них.`,
    `Общий признак группы «${g}»`,
    'Верно — 1 балл.',
  ]),
}));

/** Today's demo: one subject per state of the materials, counted from today in each school's own zone. */
const SUBJECTS: DemoSubject[] = [
  { code: 'РУ', name: 'Русский язык', grade: 4, group: 'open', inDays: 8, scale: [14, 24, 33], tasks: RUSSIAN_4 },
  { code: 'МА', name: 'Математика', grade: 4, group: 'open', inDays: 3, scale: [6, 10, 15], tasks: MATH_4 },
  { code: 'ИС', name: 'История', grade: 5, group: 'encrypted', inDays: 1, scale: [4, 7, 10], tasks: HISTORY_TASKS(5) },
  { code: 'БИ', name: 'Биология', grade: 5, group: 'encrypted', inDays: 0, scale: [4, 8, 11], tasks: BIOLOGY_5 },
  { code: 'ИС', name: 'История', grade: 6, group: 'encrypted', inDays: -1, scale: [4, 8, 12], tasks: HISTORY_TASKS(6) },
];

const todayMoscow = (now: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(now).slice(0, 10);

/**
 * The demo campaign: five subjects whose test dates put their materials in every state at once
 * (archive not yet open, open, password tomorrow, password today, criteria open), a task bank with
 * three items per task, every demo school on the plan-schedule, and the generation jobs queued so
 * the server builds the archives and codes in the background right after the first start.
 */
export async function seedDemoCampaign({ db, clock }: DemoContext): Promise<void> {
  const now = clock.now();
  const today = todayMoscow(now);
  const campaign = await db
    .insertInto('campaigns')
    .values({
      code: 'vpr-2027-demo',
      title: DEMO_CAMPAIGN_TITLE,
      window_start: addDays(today, -14),
      window_end: addDays(today, 30),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const schools = await db
    .selectFrom('orgs')
    .select('id')
    .where('kind', '=', 'school')
    .where('status', '=', 'active')
    .execute();
  const admin = await db.selectFrom('users').select('id').where('role', '=', 'federal_admin').executeTakeFirst();
  const jobs = new JobsRepository(db);

  for (const s of SUBJECTS) {
    const testDate = addDays(today, s.inDays);
    const subject = await db
      .insertInto('subjects')
      .values({
        campaign_id: campaign.id,
        code: s.code,
        name: s.name,
        grade: s.grade,
        materials_group: s.group,
        variants: 2,
        max_score: s.tasks.reduce((sum, t) => sum + t.max, 0),
        scale_3: s.scale[0],
        scale_4: s.scale[1],
        scale_5: s.scale[2],
        results_deadline: addDays(testDate, 7),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('subject_tasks')
      .values(
        s.tasks.map((t, i) => ({
          subject_id: subject.id,
          position: i + 1,
          number: t.number,
          max_score: t.max,
          difficulty: t.difficulty,
          planned_result: t.planned,
          depends_on: t.dependsOn ?? null,
        })),
      )
      .execute();
    await db
      .insertInto('bank_items')
      .values(
        s.tasks.flatMap((t, i) =>
          t.items.map(([text, answer, criteria], k) => ({
            subject_id: subject.id,
            position: i + 1,
            item_no: k + 1,
            text,
            answer,
            criteria,
          })),
        ),
      )
      .execute();
    if (schools.length) {
      await db
        .insertInto('schedule_entries')
        .values(
          schools.map((o) => ({
            campaign_id: campaign.id,
            subject_id: subject.id,
            org_id: o.id,
            test_date: testDate,
            chosen_by: admin?.id ?? null,
            chosen_at: now,
          })),
        )
        .execute();
    }
    await jobs.enqueue(GENERATE_MATERIALS_JOB, { subjectId: subject.id, userId: admin?.id ?? null }, null, now);
  }
  await jobs.enqueue(GENERATE_CODES_JOB, { campaignId: campaign.id, userId: admin?.id ?? null }, null, now);
}
