import type { ChecklistItem } from '@oko/shared';
import { momentText, wallClockText } from './time';

function Mark({ item, overdue }: { item: ChecklistItem; overdue: boolean }) {
  if (!item.applies) return <span className="vpr-tick vpr-tick-na" aria-label="Не требуется" />;
  if (item.done) return <span className="vpr-tick vpr-tick-done" aria-label="Выполнено" />;
  return <span className={overdue ? 'vpr-tick vpr-tick-late' : 'vpr-tick'} aria-label="Не выполнено" />;
}

/**
 * «Чек-лист технического специалиста»: each step ticks itself from what the server recorded; the
 * deadline in local and Moscow time; a step done after its deadline, or not done in time, is marked.
 */
export function Checklist(props: { items: ChecklistItem[]; zone: string; serverNow: number; title: string }) {
  const { items, zone, serverNow } = props;
  const applicable = items.filter((i) => i.applies);
  const done = applicable.filter((i) => i.done).length;
  return (
    <details className="vpr-checklist" open={done < applicable.length}>
      <summary>
        Чек-лист технического специалиста{' '}
        <span className="muted">
          — выполнено {done} из {applicable.length}
        </span>
      </summary>
      <table className="table vpr-checklist-table" aria-label={`Чек-лист: ${props.title}`}>
        <thead>
          <tr>
            <th aria-label="Отметка" />
            <th>Шаг</th>
            <th>Выполнено</th>
            <th>Срок</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const overdue =
              item.applies && !item.done && item.deadline !== null && Date.parse(item.deadline) < serverNow;
            return (
              <tr key={item.step} className={item.applies ? undefined : 'row-dim'}>
                <td className="check">
                  <Mark item={item} overdue={overdue} />
                </td>
                <td>
                  {item.title}
                  {item.note && <div className="muted small">{item.note}</div>}
                </td>
                <td className="nowrap">
                  {!item.applies ? (
                    <span className="muted">не требуется</span>
                  ) : item.doneAt ? (
                    <>
                      {wallClockText(new Date(item.doneAt), zone)}
                      {item.late && <span className="badge badge-warn vpr-late">с опозданием</span>}
                    </>
                  ) : overdue ? (
                    <span className="badge badge-warn">срок прошёл</span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>{item.deadline && item.applies ? momentText(new Date(item.deadline), zone) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
