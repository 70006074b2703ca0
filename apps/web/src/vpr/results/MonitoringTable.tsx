import { Fragment, type ReactNode } from 'react';
import { MONITORING_STATE_TITLES, type MonitoringState, type ResultsMonitoringRow } from '@oko/shared';
import { formatDateTime, MOSCOW, moscowOffsetLabel } from '../../format';
import { calendarDateText } from '../time';

const STATE_BADGE: Record<MonitoringState, string> = {
  uploaded: 'badge badge-ok',
  late: 'badge badge-warn',
  missing: 'badge',
  overdue: 'badge badge-error',
};

/** A moment in the coordinator's zone, Moscow time on hover. */
function When({ iso, timeZone }: { iso: string; timeZone: string }) {
  const date = new Date(iso);
  return (
    <span className="nowrap" title={`${formatDateTime(date, MOSCOW)} МСК`}>
      {formatDateTime(date, timeZone)}
    </span>
  );
}

/** The ОО of the zone with their results: state, participants, when uploaded, an exception; the grant form in place. */
export function MonitoringTable(props: {
  rows: ResultsMonitoringRow[];
  timeZone: string;
  canGrant: boolean;
  /** the row whose grant form is open */
  granting: string | null;
  onGrant: (row: ResultsMonitoringRow) => void;
  renderGrant: (row: ResultsMonitoringRow) => ReactNode;
}) {
  const { rows, timeZone } = props;
  const zone = moscowOffsetLabel(timeZone);
  const columns = props.canGrant ? 8 : 7;
  return (
    <div className="table-wrap">
      <table className="table results-monitor" aria-label="Загрузка результатов по ОО" data-testid="monitoring-table">
        <thead>
          <tr>
            <th>Организация</th>
            <th>Муниципалитет</th>
            <th>Дата проведения</th>
            <th>Состояние</th>
            <th className="num">Участников</th>
            <th>
              Загружено <span className="th-note">({zone})</span>
            </th>
            <th>
              Разрешение <span className="th-note">({zone})</span>
            </th>
            {props.canGrant && <th>Действия</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Fragment key={r.orgId}>
              <tr data-testid={`monitoring-row-${r.login}`}>
                <td>
                  {r.name}
                  <div className="mono muted small">{r.login}</div>
                </td>
                <td>{r.municipality ?? <span className="muted">—</span>}</td>
                <td className="nowrap">{calendarDateText(r.testDate)}</td>
                <td data-testid="monitoring-state">
                  <span className={STATE_BADGE[r.state]}>{MONITORING_STATE_TITLES[r.state]}</span>
                </td>
                <td className="num">
                  {r.participants ?? <span className="muted">—</span>}
                  {r.absent ? <div className="muted small">отс.: {r.absent}</div> : null}
                </td>
                <td>
                  {r.uploadedAt ? <When iso={r.uploadedAt} timeZone={timeZone} /> : <span className="muted">—</span>}
                  {r.uploads > 1 && <div className="muted small">загрузок: {r.uploads}</div>}
                </td>
                <td data-testid="monitoring-exception">
                  {r.openUntil ? (
                    <>
                      до <When iso={r.openUntil} timeZone={timeZone} />
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                {props.canGrant && (
                  <td>
                    <button
                      type="button"
                      className="btn btn-small results-grant"
                      onClick={() => props.onGrant(r)}
                      disabled={props.granting === r.orgId}
                      data-testid="exception-open"
                    >
                      Разрешить загрузку после срока
                    </button>
                  </td>
                )}
              </tr>
              {props.granting === r.orgId && (
                <tr className="results-grant-row">
                  <td colSpan={columns}>{props.renderGrant(r)}</td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
