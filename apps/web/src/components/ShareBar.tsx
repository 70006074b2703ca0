/** One part of a whole: its count, its words and the colour class of its bar segment. */
export interface SharePart {
  key: string;
  title: string;
  className: string;
  count: number;
}

export const sharePercent = (n: number, total: number) => (total > 0 ? Math.round((n / total) * 1000) / 10 : 0);

/** «12,5 %» as the cabinet writes a share. */
export const shareText = (n: number, total: number) =>
  `${sharePercent(n, total).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} %`;

/** The parts of a whole as one bar with a legend: what share of ОО is in which state. */
export function ShareBar({ parts, total }: { parts: SharePart[]; total: number }) {
  if (total <= 0) return null;
  return (
    <div className="share" role="img" aria-label={parts.map((p) => `${p.title}: ${p.count}`).join(', ')}>
      <div className="share-bar">
        {parts.map((p) =>
          p.count > 0 ? (
            <div
              key={p.key}
              className={`share-part ${p.className}`}
              style={{ width: `${sharePercent(p.count, total)}%` }}
              title={`${p.title}: ${p.count}`}
            />
          ) : null,
        )}
      </div>
      <div className="share-legend" aria-hidden="true">
        {parts.map((p) => (
          <span key={p.key}>
            <span className={`share-dot ${p.className}`} /> {p.title} — {shareText(p.count, total)}
          </span>
        ))}
      </div>
    </div>
  );
}
