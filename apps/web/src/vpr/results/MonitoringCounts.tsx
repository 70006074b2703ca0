import type { ResultsMonitoring } from '@oko/shared';
import { ShareBar, shareText } from '../../components/ShareBar';

type Counts = ResultsMonitoring['counts'];

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
            <div className="muted small">{shareText(counts[p.key], counts.expected)} от всех</div>
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
      <ShareBar parts={PARTS.map((p) => ({ ...p, count: counts[p.key] }))} total={counts.expected} />
    </div>
  );
}
