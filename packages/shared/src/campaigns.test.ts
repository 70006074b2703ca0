import { describe, expect, it } from 'vitest';
import { SubjectCreate, SubjectTaskInput, type SubjectCreate as SubjectCreateInput } from './campaigns.ts';

const subject = (tasks: SubjectCreateInput['tasks']): SubjectCreateInput => ({
  code: 'РУ',
  name: 'Русский язык',
  grade: 4,
  group: 'open',
  variants: 2,
  scale3: 3,
  scale4: 5,
  scale5: 7,
  resultsDeadline: '2027-05-25',
  tasks,
});

const criteria = (dependsOn: (string | null | undefined)[]): SubjectCreateInput['tasks'] =>
  ['1К1', '1К2', '1К3', '2'].map((number, i) => ({
    number,
    maxScore: 2,
    difficulty: 'Б',
    ...(dependsOn[i] === undefined ? {} : { dependsOn: dependsOn[i] }),
  }));

const issues = (input: SubjectCreateInput) => {
  const r = SubjectCreate.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('a task depending on a criterion', () => {
  it('defaults to no dependency and reads a Latin K as Cyrillic', () => {
    expect(SubjectTaskInput.parse({ number: '1', maxScore: 1, difficulty: 'Б' }).dependsOn).toBeNull();
    const parsed = SubjectCreate.parse(subject(criteria([undefined, '1K1', ' 1К1 ', null])));
    expect(parsed.tasks.map((t) => t.dependsOn)).toEqual([null, '1К1', '1К1', null]);
  });

  it('accepts a chain of criteria, each after the one it depends on', () => {
    expect(issues(subject(criteria([null, '1К1', '1К2', null])))).toEqual([]);
  });

  it('refuses a task the subject does not have, naming the task', () => {
    expect(issues(subject(criteria([null, '1К4', null, null])))).toEqual([
      { path: 'tasks.1.dependsOn', message: 'Задание 1К2 зависит от «1К4», но такого задания у предмета нет' },
    ]);
  });

  it('refuses a task depending on itself', () => {
    expect(issues(subject(criteria([null, null, '1К3', null])))).toEqual([
      { path: 'tasks.2.dependsOn', message: 'Задание 1К3 не может зависеть от самого себя' },
    ]);
  });

  it('refuses a parent that comes later, so two criteria cannot depend on each other', () => {
    expect(issues(subject(criteria(['1К2', '1К1', null, null])))).toEqual([
      {
        path: 'tasks.0.dependsOn',
        message:
          'Задание 1К1 зависит от «1К2», которое идёт в работе позже: критерий, от которого зависят, должен стоять раньше зависимых',
      },
    ]);
  });

  it('refuses a number that is not a task number at all', () => {
    expect(issues(subject(criteria([null, 'К1', null, null])))).toEqual([
      { path: 'tasks.1.dependsOn', message: 'Номер задания: «9», «9.1» или критерий «4К1»' },
    ]);
  });
});
