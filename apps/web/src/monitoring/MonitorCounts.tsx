import type { Monitor } from '@oko/shared';
import { ShareBar, shareText } from '../components/ShareBar';
import { entryStateWord } from '../publications/words';

type Counts = Monitor['counts'];

const PARTS: { key: keyof Omit<Counts, 'total'>; title: string; className: string }[] = [
  { key: 'notStarted', title: entryStateWord('not_started'), className: 'share-none' },
  { key: 'inProgress', title: entryStateWord('in_progress'), className: 'share-work' },
  { key: 'submitted', title: entryStateWord('submitted'), className: 'share-done' },
];

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
            <div className="muted small">{shareText(counts[p.key], counts.total)} от всех</div>
          </div>
        ))}
      </div>
      <ShareBar parts={PARTS.map((p) => ({ ...p, count: counts[p.key] }))} total={counts.total} />
    </>
  );
}
