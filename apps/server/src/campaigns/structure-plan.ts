import { SubjectCreate, type CellValue, type FormRow, type SubjectCreateParsed } from '@oko/shared';
import { cellText } from '../registration/cell-text.ts';
import { groupOfTitle, SUBJECTS_SHEET, TASKS_SHEET } from './structure-template.ts';
import type { UploadIssues } from './upload-form.ts';

/**
 * The structure upload as a pure function: the rows of «Предметы» and «Задания» against the campaign's
 * subjects. Each subject goes through the same SubjectCreate rules as the API, and each rule's complaint is
 * moved to the cell it is about. A subject whose materials exist keeps its name, group, variants and tasks;
 * one whose results are uploaded also keeps its scale, since its marks and analytics were counted by them.
 */

export interface ExistingSubject {
  id: string;
  code: string;
  name: string;
  grade: number;
  group: 'open' | 'encrypted';
  variants: number;
  scale3: number;
  scale4: number;
  scale5: number;
  resultsDeadline: string;
  tasks: { number: string; maxScore: number; difficulty: string; plannedResult: string; dependsOn: string | null }[];
  /** ОО whose materials for this subject are generated */
  materials: number;
  /** ОО whose results for this subject are uploaded */
  results: number;
  /** the latest test date of its plan-schedule, if any */
  lastTestDate: string | null;
}

export interface StructurePlan {
  added: SubjectCreateParsed[];
  updated: { subjectId: string; subject: SubjectCreateParsed; tasksChanged: boolean }[];
}

export interface StructureInput {
  subjects: FormRow[];
  subjectRows: number[];
  tasks: FormRow[];
  taskRows: number[];
  existing: ExistingSubject[];
  windowStart: string;
}

interface Draft {
  row: number;
  key: string;
  fields: Omit<SubjectCreateParsed, 'tasks'>;
  tasks: { row: number; value: SubjectCreateParsed['tasks'][number] }[];
}

const keyOf = (code: string, grade: number) => `${code}|${grade}`;
const num = (v: CellValue | undefined) => (typeof v === 'number' ? v : Number.NaN);
/** A task number typed as a number may come back as "9,1". */
const taskNumber = (v: CellValue | undefined) => cellText(v).replace(',', '.');

const SUBJECT_FIELD_COLUMN: Record<string, string> = {
  code: 'code',
  name: 'name',
  grade: 'grade',
  group: 'group',
  variants: 'variants',
  scale3: 'scale3',
  scale4: 'scale4',
  scale5: 'scale5',
  resultsDeadline: 'deadline',
};
const TASK_FIELD_COLUMN: Record<string, string> = {
  number: 'number',
  maxScore: 'maxScore',
  difficulty: 'difficulty',
  plannedResult: 'plannedResult',
  dependsOn: 'dependsOn',
};
const russian = (message: string) => (/[А-яЁё]/.test(message) ? message : 'Неверное значение');

function readSubjects(input: StructureInput, issues: UploadIssues): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  input.subjects.forEach((r, i) => {
    const row = input.subjectRows[i] ?? i + 2;
    const code = cellText(r.code).toUpperCase();
    const grade = num(r.grade);
    const key = keyOf(code, grade);
    const first = drafts.get(key);
    if (first) {
      issues.add(SUBJECTS_SHEET, row, 'code', `Предмет ${code}, ${grade} класс уже указан в строке ${first.row}`);
      return;
    }
    const group = groupOfTitle(cellText(r.group));
    drafts.set(key, {
      row,
      key,
      fields: {
        code,
        name: cellText(r.name),
        grade,
        group: group ?? 'open',
        variants: num(r.variants),
        scale3: num(r.scale3),
        scale4: num(r.scale4),
        scale5: num(r.scale5),
        resultsDeadline: cellText(r.deadline),
      },
      tasks: [],
    });
  });
  return drafts;
}

function readTasks(input: StructureInput, drafts: Map<string, Draft>, issues: UploadIssues): void {
  input.tasks.forEach((r, i) => {
    const row = input.taskRows[i] ?? i + 2;
    const code = cellText(r.code).toUpperCase();
    const grade = num(r.grade);
    const draft = drafts.get(keyOf(code, grade));
    if (!draft) {
      issues.add(
        TASKS_SHEET,
        row,
        'code',
        `Предмета ${code}, ${grade} класс нет на листе «Предметы»: добавьте его туда`,
      );
      return;
    }
    draft.tasks.push({
      row,
      value: {
        number: taskNumber(r.number),
        maxScore: num(r.maxScore),
        difficulty: cellText(r.difficulty) as 'Б' | 'П' | 'В',
        plannedResult: cellText(r.plannedResult),
        dependsOn: taskNumber(r.dependsOn) || null,
      },
    });
  });
}

/** SubjectCreate's verdict, each complaint at its cell; the parsed subject when it has none. */
function validate(draft: Draft, issues: UploadIssues): SubjectCreateParsed | null {
  const { fields } = draft;
  if (draft.tasks.length === 0) {
    issues.add(
      SUBJECTS_SHEET,
      draft.row,
      'code',
      `У предмета ${fields.code}, ${fields.grade} класс нет заданий на листе «Задания»`,
    );
    return null;
  }
  const parsed = SubjectCreate.safeParse({ ...fields, tasks: draft.tasks.map((t) => t.value) });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const [head, index, field] = issue.path;
    if (head === 'tasks' && typeof index === 'number') {
      const task = draft.tasks[index]!;
      issues.add(TASKS_SHEET, task.row, TASK_FIELD_COLUMN[String(field)] ?? null, russian(issue.message));
    } else {
      issues.add(SUBJECTS_SHEET, draft.row, SUBJECT_FIELD_COLUMN[String(head)] ?? null, russian(issue.message));
    }
  }
  return null;
}

const sameTask = (a: ExistingSubject['tasks'][number], b: SubjectCreateParsed['tasks'][number]) =>
  a.number === b.number &&
  a.maxScore === b.maxScore &&
  a.difficulty === b.difficulty &&
  a.plannedResult === b.plannedResult &&
  a.dependsOn === b.dependsOn;

/** The first task that differs: its index in the file, or the file's length when only the count differs. */
function firstTaskChange(old: ExistingSubject['tasks'], next: SubjectCreateParsed['tasks']): number | null {
  for (let i = 0; i < Math.max(old.length, next.length); i++) {
    const a = old[i];
    const b = next[i];
    if (!a || !b || !sameTask(a, b)) return i;
  }
  return null;
}

/** A subject with materials: what its variants and archives were built from must stay as it is. */
function checkLocked(draft: Draft, s: SubjectCreateParsed, old: ExistingSubject, issues: UploadIssues): void {
  const why = `по предмету ${s.code}, ${s.grade} класс уже сформированы материалы (ОО: ${old.materials})`;
  const locked = [
    ['name', s.name !== old.name, 'Предмет'],
    ['group', s.group !== old.group, 'Группа материалов'],
    ['variants', s.variants !== old.variants, 'Вариантов'],
  ] as const;
  for (const [column, changed, title] of locked) {
    if (changed) issues.add(SUBJECTS_SHEET, draft.row, column, `Нельзя изменить «${title}»: ${why}`);
  }
  // with results uploaded checkResults names the task change, once
  if (old.results === 0) refuseTaskChange(draft, s, old, `Нельзя изменить задания: ${why}`, issues);
}

/** Complains at the first task row that differs from the campaign, if any. */
function refuseTaskChange(
  draft: Draft,
  s: SubjectCreateParsed,
  old: ExistingSubject,
  refusal: string,
  issues: UploadIssues,
): void {
  const at = firstTaskChange(old.tasks, s.tasks);
  if (at === null) return;
  const task = draft.tasks[Math.min(at, draft.tasks.length - 1)]!;
  issues.add(
    TASKS_SHEET,
    task.row,
    'number',
    at < draft.tasks.length
      ? `${refusal}. В кампании задание ${at + 1} — «${old.tasks[at]?.number ?? '—'}» (${old.tasks[at]?.maxScore ?? 0}б)`
      : `${refusal}. В кампании у предмета ${old.tasks.length} заданий, в файле ${draft.tasks.length}`,
  );
}

/**
 * A subject with uploaded results: the marks, histograms and per-task points already stored were counted with
 * these tasks and this scale, so neither may change under them.
 */
function checkResults(draft: Draft, s: SubjectCreateParsed, old: ExistingSubject, issues: UploadIssues): void {
  const refusal = `По предмету «${old.name}», ${old.grade} класс уже загружены результаты (ОО: ${old.results}): задания и шкалу перевода менять нельзя`;
  const scale = [
    ['scale3', s.scale3 !== old.scale3],
    ['scale4', s.scale4 !== old.scale4],
    ['scale5', s.scale5 !== old.scale5],
  ] as const;
  for (const [column, changed] of scale) if (changed) issues.add(SUBJECTS_SHEET, draft.row, column, refusal);
  refuseTaskChange(draft, s, old, refusal, issues);
}

function checkDeadline(
  draft: Draft,
  s: SubjectCreateParsed,
  input: StructureInput,
  old: ExistingSubject | undefined,
  issues: UploadIssues,
) {
  if (s.resultsDeadline < input.windowStart) {
    issues.add(
      SUBJECTS_SHEET,
      draft.row,
      'deadline',
      `Срок загрузки результатов ${s.resultsDeadline} раньше начала окна проведения ${input.windowStart}`,
    );
  } else if (old?.lastTestDate && s.resultsDeadline < old.lastTestDate) {
    issues.add(
      SUBJECTS_SHEET,
      draft.row,
      'deadline',
      `Срок загрузки результатов ${s.resultsDeadline} раньше назначенной в плане-графике даты проведения ${old.lastTestDate}`,
    );
  }
}

export function planStructure(input: StructureInput, issues: UploadIssues): StructurePlan {
  const drafts = readSubjects(input, issues);
  readTasks(input, drafts, issues);
  const existing = new Map(input.existing.map((e) => [keyOf(e.code, e.grade), e]));
  const plan: StructurePlan = { added: [], updated: [] };
  for (const draft of drafts.values()) {
    const s = validate(draft, issues);
    if (!s) continue;
    const old = existing.get(draft.key);
    checkDeadline(draft, s, input, old, issues);
    if (!old) {
      plan.added.push(s);
      continue;
    }
    if (old.materials > 0) checkLocked(draft, s, old, issues);
    if (old.results > 0) checkResults(draft, s, old, issues);
    const tasksChanged = firstTaskChange(old.tasks, s.tasks) !== null;
    const fieldsChanged =
      s.name !== old.name ||
      s.group !== old.group ||
      s.variants !== old.variants ||
      s.scale3 !== old.scale3 ||
      s.scale4 !== old.scale4 ||
      s.scale5 !== old.scale5 ||
      s.resultsDeadline !== old.resultsDeadline;
    if (tasksChanged || fieldsChanged) plan.updated.push({ subjectId: old.id, subject: s, tasksChanged });
  }
  return plan;
}
