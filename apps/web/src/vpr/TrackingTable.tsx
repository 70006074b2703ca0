import type { TrackingRow } from '@oko/shared';
import { formatDateTime, MOSCOW, moscowOffsetLabel } from '../format';
import { calendarDateText } from './time';

/** One moment per cell in the coordinator's zone; Moscow time on hover; «нет» when the step is not done. */
function When({ iso, timeZone }: { iso: string | null; timeZone: string }) {
  if (!iso) return <span className="badge">нет</span>;
  const date = new Date(iso);
  return (
    <span className="nowrap vpr-yes" title={`${formatDateTime(date, MOSCOW)} МСК`}>
      {formatDateTime(date, timeZone)}
    </span>
  );
}

export function TrackingTable(props: { rows: TrackingRow[]; timeZone: string; withPassword: boolean }) {
  const { rows, timeZone, withPassword } = props;
  const zone = moscowOffsetLabel(timeZone);
  return (
    <div className="table-wrap">
      <table className="table table-monitor" aria-label="Получение материалов по ОО">
        <thead>
          <tr>
            <th>Логин</th>
            <th>Организация</th>
            <th>Муниципалитет</th>
            <th>Дата проведения</th>
            <th>
              Архив скачан <span className="th-note">({zone})</span>
            </th>
            {withPassword && (
              <th>
                Шифр получен <span className="th-note">({zone})</span>
              </th>
            )}
            <th>
              Критерии скачаны <span className="th-note">({zone})</span>
            </th>
            <th className="num">Комплектов</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.orgId} data-testid={`tracking-row-${r.login}`}>
              <td className="mono">{r.login}</td>
              <td>{r.name}</td>
              <td>{r.municipality ?? <span className="muted">—</span>}</td>
              <td className="nowrap">{calendarDateText(r.testDate)}</td>
              <td data-testid="archive-cell">
                {r.generated ? (
                  <When iso={r.archiveDownloadedAt} timeZone={timeZone} />
                ) : (
                  <span className="badge badge-warn">не сформирован</span>
                )}
              </td>
              {withPassword && (
                <td data-testid="password-cell">
                  <When iso={r.passwordOpenedAt} timeZone={timeZone} />
                </td>
              )}
              <td data-testid="criteria-cell">
                <When iso={r.criteriaDownloadedAt} timeZone={timeZone} />
              </td>
              <td className="num">{r.kitsCount ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
