import type { ResultsMonitoring } from '@oko/shared';
import { numberText } from '../analytics/report-format';

type Counts = ResultsMonitoring['counts'];

const percent = (n: number, total: number) => (total > 0 ? Math.round((n / total) * 1000) / 10 : 0);
const percentText = (n: number, total: number) => `${numberText(percent(n, total))} %`;

const PARTS: { key: 'uploaded' | 'late' | 'missing' | 'overdue'; title: string; className: string }[] = [
  { key: 'uploaded', title: 'Загрузили в срок', className: 'share-done' },
  { key: 'late', title: 'Загрузили после срока', className: 'share-work' },
  { key: 'missing', title: 'Ещё не загрузили', className: 'share-none' },
  { key: 'overdue', title: 'Срок прошёл, не загрузили', className: 'share-overdue' },
];

/** How many ОО of the zone are expected, have uploaded (in time or late), have not yet, and are overdue. */
export function MonitoringCounts({ counts }: { counts: Counts }) {
  return (
    <div data-testid="monitoring-counts">
      <div className="cards monitor-cards">
        <div className="card">
          <div className="card-number" data-testid="count-expected">
            {counts.expected}
          </div>
          <div>ОО в план-графике</div>
        </div>
        {PARTS.map((p) => (
          <div key={p.key} className={`card card-${p.className}`}>
            <div className="card-number" data-testid={`count-${p.key}`}>
              {counts[p.key]}
            </div>
            <div>{p.title}</div>
            <div className="muted small">{percentText(counts[p.key], counts.expected)} от всех</div>
          </div>
        ))}
        <div className="card">
          <div className="card-number" data-testid="count-participants">
            {counts.participants}
          </div>
          <div>Участников</div>
          <div className="muted small">отсутствовали: {counts.absent}</div>
        </div>
      </div>
      {counts.expected > 0 && (
        <div className="share" role="img" aria-label={PARTS.map((p) => `${p.title}: ${counts[p.key]}`).join(', ')}>
          <div className="share-bar">
            {PARTS.map((p) =>
              counts[p.key] > 0 ? (
                <div
                  key={p.key}
                  className={`share-part ${p.className}`}
                  style={{ width: `${percent(counts[p.key], counts.expected)}%` }}
                  title={`${p.title}: ${counts[p.key]}`}
                />
              ) : null,
            )}
          </div>
          <div className="share-legend" aria-hidden="true">
            {PARTS.map((p) => (
              <span key={p.key}>
                <span className={`share-dot ${p.className}`} /> {p.title} —{' '}
                {percentText(counts[p.key], counts.expected)}
              </span>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
