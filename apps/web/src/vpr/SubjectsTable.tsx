import { Fragment, useState } from 'react';
import type { Subject } from '@oko/shared';
import { Empty } from '../components/states';
import { calendarDateText } from './time';
import { groupWord } from './words';

const DIFFICULTY: Record<Subject['tasks'][number]['difficulty'], string> = {
  Б: 'базовый',
  П: 'повышенный',
  В: 'высокий',
};

function Tasks({ subject }: { subject: Subject }) {
  return (
    <table className="table vpr-tasks" aria-label={`Задания: ${subject.name}, ${subject.grade} класс`}>
      <thead>
        <tr>
          <th>Задание</th>
          <th>Уровень</th>
          <th>Планируемый результат</th>
        </tr>
      </thead>
      <tbody>
        {subject.tasks.map((t) => (
          <tr key={t.position}>
            <td className="mono nowrap">{t.header}</td>
            <td className="nowrap">
              {t.difficulty} — {DIFFICULTY[t.difficulty]}
            </td>
            <td>{t.plannedResult || <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The subjects × grades of a campaign; «Задания» opens the tasks as the results form heads them. */
export function SubjectsTable({ subjects }: { subjects: Subject[] }) {
  const [open, setOpen] = useState<string | null>(null);
  if (subjects.length === 0) return <Empty>Предметов пока нет. Загрузите структуру кампании.</Empty>;
  return (
    <div className="table-wrap">
      <table className="table vpr-subjects-table" aria-label="Предметы кампании">
        <thead>
          <tr>
            <th>Код</th>
            <th>Предмет</th>
            <th className="num">Класс</th>
            <th>Группа</th>
            <th className="num">Вариантов</th>
            <th>Шкала «3» / «4» / «5»</th>
            <th className="num">Заданий (макс. балл)</th>
            <th>Срок загрузки результатов</th>
            <th aria-label="Задания" />
          </tr>
        </thead>
        <tbody>
          {subjects.map((s) => (
            <Fragment key={s.id}>
              <tr>
                <td className="mono">{s.code}</td>
                <td>{s.name}</td>
                <td className="num">{s.grade}</td>
                <td>
                  <span className={s.group === 'encrypted' ? 'badge badge-info' : 'badge'}>{groupWord(s.group)}</span>
                </td>
                <td className="num">{s.variants}</td>
                <td className="nowrap">
                  {s.scale3} / {s.scale4} / {s.scale5}
                </td>
                <td className="num">
                  {s.tasks.length} ({s.maxScore})
                </td>
                <td>{calendarDateText(s.resultsDeadline)}</td>
                <td className="actions">
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-expanded={open === s.id}
                    onClick={() => setOpen(open === s.id ? null : s.id)}
                  >
                    Задания <span aria-hidden="true">{open === s.id ? '▴' : '▾'}</span>
                  </button>
                </td>
              </tr>
              {open === s.id && (
                <tr className="vpr-tasks-row">
                  <td colSpan={9}>
                    <Tasks subject={s} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
