import { z } from 'zod';

/**
 * ВПР campaigns (issue 4 «Campaign and schedule»): a national campaign with its federal window,
 * subjects × grades with their tasks and conversion scales, and the plan-schedule of each ОО.
 */

const id = z.string().uuid();

/** A calendar date 'YYYY-MM-DD' that exists (no 2027-02-30). */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Дата в формате ГГГГ-ММ-ДД')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Такой даты нет в календаре');

/** A task number as the results form prints it: '9', '9.1', or a criterion '4К1' (Latin K is accepted). */
export const TASK_NUMBER = /^\d+(\.\d+)?(К\d+)?$/;
export const TaskNumber = z
  .string()
  .trim()
  .transform((s) => s.replace(/K/g, 'К'))
  .pipe(z.string().regex(TASK_NUMBER, 'Номер задания: «9», «9.1» или критерий «4К1»'));

/** The results form column header of a task: `N (Mб)`. */
export const taskHeader = (task: { number: string; maxScore: number }): string => `${task.number} (${task.maxScore}б)`;

export const TaskDifficulty = z.enum(['Б', 'П', 'В'], 'Уровень сложности: Б, П или В');
export type TaskDifficulty = z.infer<typeof TaskDifficulty>;

export const MaterialsGroupSchema = z.enum(['open', 'encrypted'], 'Группа: open или encrypted');

export const CampaignCreate = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Код кампании: латинские строчные буквы, цифры и дефис, например vpr-2027'),
    title: z.string().trim().min(1, 'Укажите название кампании').max(200),
    windowStart: CalendarDate,
    windowEnd: CalendarDate,
  })
  .refine((c) => c.windowStart <= c.windowEnd, {
    path: ['windowEnd'],
    message: 'Окончание окна проведения не может быть раньше его начала',
  });
export type CampaignCreate = z.infer<typeof CampaignCreate>;

export const Campaign = z.object({
  id,
  code: z.string(),
  title: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  createdAt: z.string(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignList = z.object({ campaigns: z.array(Campaign) });
export type CampaignList = z.infer<typeof CampaignList>;

export const CampaignParams = z.strictObject({ campaignId: id });
export type CampaignParams = z.infer<typeof CampaignParams>;

export const SubjectTaskInput = z.strictObject({
  number: TaskNumber,
  maxScore: z
    .number()
    .int('Максимальный балл — целое число')
    .min(1, 'Максимальный балл задания — не меньше 1')
    .max(100),
  difficulty: TaskDifficulty,
  plannedResult: z.string().trim().max(2000).default(''),
  /** a criterion of the same subject, earlier in order: 0 or X there forces 0 or X here (К2–К4 after К1) */
  dependsOn: TaskNumber.nullable().default(null),
});
export type SubjectTaskInput = z.infer<typeof SubjectTaskInput>;

/**
 * Why task i cannot depend on the criterion it names, or null. The parent must come earlier in the work, so a
 * chain of dependent criteria always ends and the results form checks each against one already filled.
 */
export function dependsOnProblem(
  tasks: readonly { number: string; dependsOn?: string | null }[],
  i: number,
): string | null {
  const task = tasks[i];
  // a malformed number has its own complaint from TaskNumber
  if (!task?.dependsOn || !TASK_NUMBER.test(task.dependsOn)) return null;
  if (task.dependsOn === task.number) return `Задание ${task.number} не может зависеть от самого себя`;
  const parent = tasks.findIndex((p) => p.number === task.dependsOn);
  if (parent < 0) return `Задание ${task.number} зависит от «${task.dependsOn}», но такого задания у предмета нет`;
  if (parent > i) {
    return `Задание ${task.number} зависит от «${task.dependsOn}», которое идёт в работе позже: критерий, от которого зависят, должен стоять раньше зависимых`;
  }
  return null;
}

const score = z.number().int('Балл — целое число').min(0, 'Балл не может быть отрицательным');

export const SubjectCreate = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[А-ЯЁ]{2,4}$/, 'Код предмета: 2–4 заглавные русские буквы, например МА'),
    name: z.string().trim().min(1, 'Укажите название предмета').max(200),
    grade: z.number().int().min(4, 'Класс — от 4 до 11').max(11, 'Класс — от 4 до 11'),
    group: MaterialsGroupSchema,
    variants: z.number().int().min(1, 'Вариантов — не меньше одного').max(100),
    scale3: score,
    scale4: score,
    scale5: score,
    resultsDeadline: CalendarDate,
    tasks: z.array(SubjectTaskInput).min(1, 'Добавьте хотя бы одно задание').max(200),
  })
  .superRefine((s, ctx) => {
    const seen = new Map<string, number>();
    s.tasks.forEach((t, i) => {
      const first = seen.get(t.number);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['tasks', i, 'number'],
          message: `Номер задания «${t.number}» повторяется (задания ${first + 1} и ${i + 1})`,
        });
      } else seen.set(t.number, i);
    });
    s.tasks.forEach((t, i) => {
      const problem = dependsOnProblem(s.tasks, i);
      if (problem) ctx.addIssue({ code: 'custom', path: ['tasks', i, 'dependsOn'], message: problem });
    });
    const max = s.tasks.reduce((sum, t) => sum + t.maxScore, 0);
    if (s.scale4 < s.scale3) {
      ctx.addIssue({
        code: 'custom',
        path: ['scale4'],
        message: `Шкала: балл на «4» (${s.scale4}) меньше балла на «3» (${s.scale3})`,
      });
    }
    if (s.scale5 < s.scale4) {
      ctx.addIssue({
        code: 'custom',
        path: ['scale5'],
        message: `Шкала: балл на «5» (${s.scale5}) меньше балла на «4» (${s.scale4})`,
      });
    }
    if (s.scale5 > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['scale5'],
        message: `Шкала: балл на «5» (${s.scale5}) больше максимума работы (${max})`,
      });
    }
  });
export type SubjectCreate = z.input<typeof SubjectCreate>;
export type SubjectCreateParsed = z.output<typeof SubjectCreate>;

export const SubjectTask = z.object({
  position: z.number().int(),
  number: z.string(),
  /** the results form header `N (Mб)` */
  header: z.string(),
  maxScore: z.number().int(),
  difficulty: TaskDifficulty,
  plannedResult: z.string(),
  /** the criterion whose 0 or X forces 0 or X on this one */
  dependsOn: z.string().nullable(),
});
export type SubjectTask = z.infer<typeof SubjectTask>;

export const Subject = z.object({
  id,
  code: z.string(),
  name: z.string(),
  grade: z.number().int(),
  group: MaterialsGroupSchema,
  variants: z.number().int(),
  maxScore: z.number().int(),
  scale3: z.number().int(),
  scale4: z.number().int(),
  scale5: z.number().int(),
  resultsDeadline: z.string(),
  tasks: z.array(SubjectTask),
});
export type Subject = z.infer<typeof Subject>;

export const CampaignDetail = Campaign.extend({ subjects: z.array(Subject) });
export type CampaignDetail = z.infer<typeof CampaignDetail>;

export const ScheduleSet = z.strictObject({
  subjectId: id,
  orgIds: z.array(id).min(1, 'Выберите хотя бы одну ОО').max(50_000),
  testDate: CalendarDate,
});
export type ScheduleSet = z.infer<typeof ScheduleSet>;

export const ScheduleSetResult = z.object({ updated: z.number().int() });
export type ScheduleSetResult = z.infer<typeof ScheduleSetResult>;

/** The instants of vprGates as ISO strings. */
export const ScheduleGates = z.object({
  archiveFrom: z.string(),
  passwordFrom: z.string().nullable(),
  criteriaFrom: z.string(),
  resultsUntil: z.string(),
});
export type ScheduleGates = z.infer<typeof ScheduleGates>;

export const MyScheduleEntry = z.object({
  subjectId: id,
  subjectCode: z.string(),
  subjectName: z.string(),
  grade: z.number().int(),
  group: MaterialsGroupSchema,
  testDate: z.string(),
  resultsDeadline: z.string(),
  /** the ОО's IANA zone: its municipality's, else its region's */
  zone: z.string(),
  gates: ScheduleGates,
});
export type MyScheduleEntry = z.infer<typeof MyScheduleEntry>;

export const MySchedule = z.object({ entries: z.array(MyScheduleEntry) });
export type MySchedule = z.infer<typeof MySchedule>;

// ---------- admin side: structure import, task bank, plan-schedule for coordinators ----------

const regionCode = z.string().regex(/^\d{2}$/, 'Код региона — две цифры, например 39');

/** What a structure upload changed: subjects added or rewritten, and the tasks they now have. */
export const StructureImportResult = z.object({
  subjects: z.number().int(),
  tasks: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
});
export type StructureImportResult = z.infer<typeof StructureImportResult>;

export const BankParams = z.strictObject({ campaignId: id, subjectId: id });
export type BankParams = z.infer<typeof BankParams>;

export const BankItem = z.object({
  itemNo: z.number().int(),
  text: z.string(),
  answer: z.string(),
  criteria: z.string(),
  hasImage: z.boolean(),
});
export type BankItem = z.infer<typeof BankItem>;

/** One task position of the subject with its interchangeable items. */
export const BankPosition = z.object({
  position: z.number().int(),
  number: z.string(),
  header: z.string(),
  maxScore: z.number().int(),
  items: z.array(BankItem),
});
export type BankPosition = z.infer<typeof BankPosition>;

export const Bank = z.object({
  subjectId: id,
  subjectCode: z.string(),
  subjectName: z.string(),
  grade: z.number().int(),
  /** materials exist for at least one ОО: the bank can no longer be replaced */
  locked: z.boolean(),
  positions: z.array(BankPosition),
});
export type Bank = z.infer<typeof Bank>;

export const BankImportResult = z.object({ tasks: z.number().int(), items: z.number().int() });
export type BankImportResult = z.infer<typeof BankImportResult>;

export const SCHEDULE_PAGE_SIZE = 50;

export const SchedulePlanQuery = z.strictObject({
  subjectId: id,
  search: z.string().trim().max(100).optional(),
  /** the federal level may narrow the list to one region */
  regionCode: regionCode.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
});
export type SchedulePlanQuery = z.input<typeof SchedulePlanQuery>;

export const SchedulePlanRow = z.object({
  orgId: id,
  login: z.string(),
  name: z.string(),
  municipality: z.string(),
  /** participants of the confirmed application for this subject × grade; null without such a line */
  participants: z.number().int().nullable(),
  testDate: z.string().nullable(),
});
export type SchedulePlanRow = z.infer<typeof SchedulePlanRow>;

export const SchedulePlan = z.object({
  subjectId: id,
  /** over the whole scope, whatever the search: ОО with an application line, ОО with a date, participants */
  totals: z.object({ applied: z.number().int(), scheduled: z.number().int(), participants: z.number().int() }),
  rows: z.array(SchedulePlanRow),
  /** rows matching the search, for paging */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SchedulePlan = z.infer<typeof SchedulePlan>;

export const ScheduleFromApplications = z.strictObject({
  subjectId: id,
  testDate: CalendarDate,
  /** the federal level may limit the date to one region; a coordinator may only name its own */
  regionCode: regionCode.optional(),
});
export type ScheduleFromApplications = z.infer<typeof ScheduleFromApplications>;

export const ScheduleFileQuery = z.strictObject({
  subjectId: id.optional(),
  regionCode: regionCode.optional(),
});
export type ScheduleFileQuery = z.infer<typeof ScheduleFileQuery>;
