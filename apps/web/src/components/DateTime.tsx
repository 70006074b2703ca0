import { formatDateTime, MOSCOW, moscowOffsetLabel } from '../format';

/** A moment in the user's zone and, when that zone is not Moscow, in Moscow time too. */
export function DateTime({ iso, timeZone }: { iso: string | null; timeZone: string }) {
  if (!iso) return <span className="muted">—</span>;
  const date = new Date(iso);
  const offset = moscowOffsetLabel(timeZone, date);
  if (offset === 'МСК') {
    return (
      <span className="dt">
        <span>
          {formatDateTime(date, MOSCOW)} <span className="muted">МСК</span>
        </span>
      </span>
    );
  }
  return (
    <span className="dt">
      <span>
        {formatDateTime(date, timeZone)} <span className="muted">({offset})</span>
      </span>
      <span className="dt-msk">{formatDateTime(date, MOSCOW)} МСК</span>
    </span>
  );
}
