import type { ReactNode } from 'react';
import type { Region } from '../api/types';
import { moscowOffsetLabel } from '../format';

export function RegionsTable({ regions, action }: { regions: Region[]; action?: (r: Region) => ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Регионы">
        <thead>
          <tr>
            <th>Код</th>
            <th>Регион</th>
            <th>Часовой пояс</th>
            <th className="num">Муниципалитетов</th>
            <th className="num">ОО</th>
            <th className="num">Учётных записей</th>
            {action && <th>Действия</th>}
          </tr>
        </thead>
        <tbody>
          {regions.map((r) => (
            <tr key={r.code} className={r.orgs === 0 ? 'row-dim' : undefined}>
              <td className="mono">{r.code}</td>
              <td>{r.name}</td>
              <td title={r.timeZone}>{moscowOffsetLabel(r.timeZone)}</td>
              <td className="num">{r.municipalities}</td>
              <td className="num">{r.orgs}</td>
              <td className="num">{r.accounts}</td>
              {action && <td>{action(r)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function filterRegions(regions: Region[], query: string): Region[] {
  const q = query.trim().toLowerCase();
  if (!q) return regions;
  return regions.filter((r) => r.code.startsWith(q) || r.name.toLowerCase().includes(q));
}
