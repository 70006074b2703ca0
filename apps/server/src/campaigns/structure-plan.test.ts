import { describe, expect, it } from 'vitest';
import type { FormRow } from '@oko/shared';
import { FormInvalid } from '../http/form-invalid.ts';
import { planStructure, type ExistingSubject, type StructurePlan } from './structure-plan.ts';
import { structureTemplate } from './structure-template.ts';
import { UploadIssues } from './upload-form.ts';

const SUBJECT_ROW: FormRow = {
  code: 'РУ',
  name: 'Русский язык',
  grade: 4,
  group: 'открытая',
  variants: 2,
  scale3: 3,
  scale4: 5,
  scale5: 8,
  deadline: '2027-05-25',
};

const taskRow = (number: string, maxScore: number, dependsOn: string | null = null): FormRow => ({
  code: 'РУ',
  grade: 4,
  number,
  maxScore,
  difficulty: 'Б',
  plannedResult: null,
  dependsOn,
});

const TASKS = [taskRow('1К1', 4), taskRow('1К2', 3, '1К1'), taskRow('1К3', 2, '1К1')];

const existing = (v: Partial<ExistingSubject> = {}): ExistingSubject => ({
  id: 'subject-ru-4',
  code: 'РУ',
  name: 'Русский язык',
  grade: 4,
  group: 'open',
  variants: 2,
  scale3: 3,
  scale4: 5,
  scale5: 8,
  resultsDeadline: '2027-05-25',
  tasks: [
    { number: '1К1', maxScore: 4, difficulty: 'Б', plannedResult: '', dependsOn: null },
    { number: '1К2', maxScore: 3, difficulty: 'Б', plannedResult: '', dependsOn: '1К1' },
    { number: '1К3', maxScore: 2, difficulty: 'Б', plannedResult: '', dependsOn: '1К1' },
  ],
  materials: 0,
  results: 0,
  lastTestDate: null,
  ...v,
});

/** The plan, or the issues as `sheet!cell: message` when the upload is refused. */
function plan(tasks: FormRow[], old: ExistingSubject[] = [], subject: FormRow = SUBJECT_ROW): StructurePlan | string[] {
  const issues = new UploadIssues(structureTemplate('ВПР 2027'));
  const result = planStructure(
    {
      subjects: [subject],
      subjectRows: [2],
      tasks,
      taskRows: tasks.map((_, i) => i + 2),
      existing: old,
      windowStart: '2027-04-01',
    },
    issues,
  );
  try {
    issues.throwIfAny();
  } catch (e) {
    if (e instanceof FormInvalid) return e.issues.map((i) => `${i.sheet}!${i.cell}: ${i.message}`);
    throw e;
  }
  return result;
}

describe('structure plan: dependent criteria', () => {
  it('reads the criterion a task depends on, an empty cell as none', () => {
    const p = plan(TASKS) as StructurePlan;
    expect(p.added[0]!.tasks.map((t) => t.dependsOn)).toEqual([null, '1К1', '1К1']);
    const blank = plan([taskRow('1', 9, '')]) as StructurePlan;
    expect(blank.added[0]!.tasks[0]!.dependsOn).toBeNull();
  });

  it('names the cell of a dependency on a task the subject does not have', () => {
    expect(plan([taskRow('1К1', 4), taskRow('1К2', 4, '2К1')])).toEqual([
      'Задания!G3: Задание 1К2 зависит от «2К1», но такого задания у предмета нет',
    ]);
  });

  it('sees a changed dependency as a change of the tasks', () => {
    const p = plan([taskRow('1К1', 4), taskRow('1К2', 3, '1К1'), taskRow('1К3', 2)], [existing()]);
    expect(p).toEqual({ added: [], updated: [expect.objectContaining({ tasksChanged: true })] });
    expect(plan(TASKS, [existing()])).toEqual({ added: [], updated: [] });
  });

  it('with results uploaded refuses a changed scale or criterion, once even when materials exist too', () => {
    const old = existing({ materials: 3, results: 2 });
    const why =
      'По предмету «Русский язык», 4 класс уже загружены результаты (ОО: 2): задания и шкалу перевода менять нельзя';
    expect(plan([taskRow('1К1', 4), taskRow('1К2', 3), taskRow('1К3', 2, '1К1')], [old])).toEqual([
      `Задания!C3: ${why}. В кампании задание 2 — «1К2» (3б)`,
    ]);
    expect(plan(TASKS, [old], { ...SUBJECT_ROW, scale5: 9 })).toEqual([`Предметы!H2: ${why}`]);
    expect(plan(TASKS, [old], { ...SUBJECT_ROW, deadline: '2027-05-26' })).toEqual({
      added: [],
      updated: [expect.objectContaining({ tasksChanged: false })],
    });
  });

  it('with materials only still lets the scale move', () => {
    const p = plan(TASKS, [existing({ materials: 3 })], { ...SUBJECT_ROW, scale5: 9 });
    expect(p).toEqual({ added: [], updated: [expect.objectContaining({ tasksChanged: false })] });
  });
});
