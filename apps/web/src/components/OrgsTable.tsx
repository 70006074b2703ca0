import type { ReactNode } from 'react';
import type { Org } from '../api/types';
import { orgKindWord, orgStatusWord } from '../words';

/** Subordinate organizations; `action` adds a last column (e.g. issuing an account). */
export function OrgsTable({ orgs, action }: { orgs: Org[]; action?: (org: Org) => ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Образовательные организации">
        <thead>
          <tr>
            <th>Код</th>
            <th>Логин</th>
            <th>Краткое название</th>
            <th>Тип</th>
            <th>Муниципалитет</th>
            <th>Статус</th>
            {action && <th>Действия</th>}
          </tr>
        </thead>
        <tbody>
          {orgs.map((o) => (
            <tr key={o.id}>
              <td className="mono">{o.code}</td>
              <td className="mono">{o.login ?? <span className="badge badge-warn">не выдан</span>}</td>
              <td title={o.fullName}>{o.shortName}</td>
              <td>{orgKindWord(o.kind)}</td>
              <td>{o.municipalityName}</td>
              <td>
                <span className={o.status === 'active' ? 'badge badge-ok' : 'badge'}>{orgStatusWord(o.status)}</span>
              </td>
              {action && <td>{action(o) ?? <span className="muted">—</span>}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function filterOrgs(orgs: Org[], query: string): Org[] {
  const q = query.trim().toLowerCase();
  if (!q) return orgs;
  return orgs.filter((o) =>
    [o.code, o.login ?? '', o.shortName, o.fullName, o.municipalityName].some((s) => s.toLowerCase().includes(q)),
  );
}
