import type { Monitor } from '@oko/shared';
import { entryStateWord } from '../publications/words';

type Counts = Monitor['counts'];

const PARTS: { key: keyof Omit<Counts, 'total'>; title: string; className: string }[] = [
  { key: 'notStarted', title: entryStateWord('not_started'), className: 'share-none' },
  { key: 'inProgress', title: entryStateWord('in_progress'), className: 'share-work' },
  { key: 'submitted', title: entryStateWord('submitted'), className: 'share-done' },
];

const percent = (n: number, total: number) => (total > 0 ? Math.round((n / total) * 1000) / 10 : 0);

/** Всего / Не приступило / В работе / Сдано as cards, and the three shares as one bar. */
export function MonitorCounts({ counts }: { counts: Counts }) {
  return (
    <>
      <div className="cards monitor-cards">
        <div className="card">
          <div className="card-number" data-testid="count-total">
            {counts.total}
          </div>
          <div>Всего</div>
          <div className="muted small">ОО, которым нужно сдать данные</div>
        </div>
        {PARTS.map((p) => (
          <div key={p.key} className={`card card-${p.className}`}>
            <div className="card-number" data-testid={`count-${p.key}`}>
              {counts[p.key]}
            </div>
            <div>{p.title}</div>
            <div className="muted small">{percent(counts[p.key], counts.total)}% от всех</div>
          </div>
        ))}
      </div>
      {counts.total > 0 && (
        <div className="share" role="img" aria-label={PARTS.map((p) => `${p.title}: ${counts[p.key]}`).join(', ')}>
          <div className="share-bar">
            {PARTS.map((p) =>
              counts[p.key] > 0 ? (
                <div
                  key={p.key}
                  className={`share-part ${p.className}`}
                  style={{ width: `${percent(counts[p.key], counts.total)}%` }}
                  title={`${p.title}: ${counts[p.key]}`}
                />
              ) : null,
            )}
          </div>
          <div className="share-legend" aria-hidden="true">
            {PARTS.map((p) => (
              <span key={p.key}>
                <span className={`share-dot ${p.className}`} /> {p.title} — {percent(counts[p.key], counts.total)}%
              </span>
            ))}
          </div>
        </div>
      )}
    </>
  );
}
