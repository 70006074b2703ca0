import type { ReactNode } from 'react';
import type { Municipality } from '../api/types';
import { moscowOffsetLabel } from '../format';

export function MunicipalitiesTable(props: {
  municipalities: Municipality[];
  action?: (m: Municipality) => ReactNode;
}) {
  const { municipalities, action } = props;
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Муниципалитеты">
        <thead>
          <tr>
            <th>Код</th>
            <th>Муниципалитет</th>
            <th>Часовой пояс</th>
            <th className="num">ОО</th>
            <th>Координатор (логин)</th>
            {action && <th>Действия</th>}
          </tr>
        </thead>
        <tbody>
          {municipalities.map((m) => (
            <tr key={m.id}>
              <td className="mono">{m.code}</td>
              <td>{m.name}</td>
              <td title={m.timeZone}>{moscowOffsetLabel(m.timeZone)}</td>
              <td className="num">{m.orgs}</td>
              <td className="mono">{m.coordinatorLogin ?? <span className="badge badge-warn">не выдан</span>}</td>
              {action && <td>{action(m)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
