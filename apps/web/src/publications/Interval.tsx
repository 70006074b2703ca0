import { formatDateTime, MOSCOW, moscowOffsetLabel } from '../format';

/** «с 01.09.2026, 09:00 по 15.09.2026, 18:00 (МСК+1)» and, outside Moscow, the same in Moscow time under it. */
export function Interval({ from, to, timeZone }: { from: string; to: string; timeZone: string }) {
  const a = new Date(from);
  const b = new Date(to);
  const offset = moscowOffsetLabel(timeZone, a);
  const inZone = (zone: string) => `с ${formatDateTime(a, zone)} по ${formatDateTime(b, zone)}`;
  if (offset === 'МСК') return <span className="dt">{inZone(MOSCOW)} МСК</span>;
  return (
    <span className="dt">
      <span>
        {inZone(timeZone)} <span className="muted">({offset})</span>
      </span>
      <span className="dt-msk">{inZone(MOSCOW)} МСК</span>
    </span>
  );
}
