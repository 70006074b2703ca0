import type { Tracking } from '@oko/shared';

type Totals = Tracking['totals'];

interface Part {
  key: Exclude<keyof Totals, 'expected' | 'generated'>;
  title: string;
}

const percent = (n: number, total: number) => (total > 0 ? Math.round((n / total) * 1000) / 10 : 0);

/** The totals as cards, and their shares of all ОО as a bar chart (plain HTML bars, no chart library). */
export function TrackingTotals({ totals, withPassword }: { totals: Totals; withPassword: boolean }) {
  const parts: Part[] = [
    { key: 'archiveDownloaded', title: 'Архив скачали' },
    ...(withPassword ? [{ key: 'passwordOpened', title: 'Шифр получили' } as const] : []),
    { key: 'criteriaDownloaded', title: 'Критерии скачали' },
    { key: 'kitsConfirmed', title: 'Комплекты подтвердили' },
  ];
  const all = totals.expected;
  return (
    <>
      <div className="cards monitor-cards">
        <div className="card">
          <div className="card-number" data-testid="tracking-expected">
            {all}
          </div>
          <div>ОО</div>
          <div className="muted small">материалы сформированы: {totals.generated}</div>
        </div>
        {parts.map((p) => (
          <div key={p.key} className="card card-share-done">
            <div className="card-number" data-testid={`tracking-${p.key}`}>
              {totals[p.key]}
            </div>
            <div>{p.title}</div>
            <div className="muted small">{percent(totals[p.key], all)}% от всех ОО</div>
          </div>
        ))}
      </div>
      {all > 0 && (
        <figure className="vpr-chart" aria-label="Доли ОО по шагам">
          <figcaption className="muted small">Доля ОО, выполнивших шаг</figcaption>
          {parts.map((p) => (
            <div key={p.key} className="vpr-chart-row">
              <span className="vpr-chart-label">{p.title}</span>
              <span className="vpr-chart-track">
                <span className="vpr-chart-fill" style={{ width: `${percent(totals[p.key], all)}%` }} />
              </span>
              <span className="vpr-chart-value">
                {percent(totals[p.key], all)}% ({totals[p.key]} из {all})
              </span>
            </div>
          ))}
        </figure>
      )}
    </>
  );
}
