import { useState } from 'react';
import type { MonitorRow } from '@oko/shared';
import { formatDateTime, MOSCOW, moscowOffsetLabel } from '../format';
import { Empty } from '../components/states';
import { entryStateBadge, entryStateWord } from '../publications/words';
import { Link } from '../router';

const STEP = 100;

/** One line per moment keeps the long list readable; Moscow time is a hover away. */
function When({ iso, timeZone }: { iso: string | null; timeZone: string }) {
  if (!iso) return <span className="muted">—</span>;
  const date = new Date(iso);
  return (
    <span className="nowrap" title={`${formatDateTime(date, MOSCOW)} МСК`}>
      {formatDateTime(date, timeZone)}
    </span>
  );
}

/** The ОО of the coordinator's zone with their progress; a long list opens a hundred rows at a time. */
export function MonitorTable(props: {
  collectionId: string;
  rows: MonitorRow[];
  timeZone: string;
  onOpenFor: ((row: MonitorRow) => void) | null;
}) {
  const { collectionId, rows, timeZone, onOpenFor } = props;
  const [shown, setShown] = useState(STEP);
  if (rows.length === 0) return <Empty>Под условия отбора не подходит ни одна ОО.</Empty>;
  return (
    <>
      <div className="table-wrap">
        <table className="table table-monitor" aria-label="Ход сбора данных по ОО">
          <thead>
            <tr>
              <th>Логин</th>
              <th>Организация</th>
              <th>Муниципалитет</th>
              <th>Статус</th>
              <th>
                Начало работы <span className="th-note">({moscowOffsetLabel(timeZone)})</span>
              </th>
              <th>
                Дата подачи <span className="th-note">({moscowOffsetLabel(timeZone)})</span>
              </th>
              <th>Действия</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((r) => (
              <tr key={r.orgId}>
                <td className="mono">{r.login || <span className="badge badge-warn">нет учётной записи</span>}</td>
                <td>{r.name}</td>
                <td>{r.municipality}</td>
                <td>
                  <span className={entryStateBadge(r.state)}>{entryStateWord(r.state)}</span>
                </td>
                <td>
                  <When iso={r.startedAt} timeZone={timeZone} />
                </td>
                <td>
                  <When iso={r.submittedAt} timeZone={timeZone} />
                </td>
                <td className="actions">
                  {r.state !== 'not_started' && (
                    <Link to={`/collections/${collectionId}/orgs/${r.orgId}`} className="btn btn-small">
                      Открыть
                    </Link>
                  )}
                  {onOpenFor && (
                    <button type="button" className="btn btn-small" onClick={() => onOpenFor(r)}>
                      Открыть для ОО
                    </button>
                  )}
                  {r.state === 'not_started' && !onOpenFor && <span className="muted">—</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown && (
        <div className="button-row">
          <span className="muted">
            Показано {shown} из {rows.length}.
          </span>
          <button type="button" className="btn btn-small" onClick={() => setShown(shown + STEP * 5)}>
            Показать ещё
          </button>
        </div>
      )}
    </>
  );
}
