/**
 * Wall-clock time in an IANA zone ↔ an instant, with Intl only (no timezone database of our own).
 * Russia has no DST since 2014, but the conversion does not rely on it: it asks Intl for the offset
 * at the candidate instant and corrects once more if that moved the result.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Offset of the zone from UTC at this instant, in minutes (Kaliningrad +120, Kamchatka +720). */
export function zoneOffsetMinutes(zone: string, at: Date): number {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** The instant at which the clock on the wall in `zone` shows `date` `time` ('YYYY-MM-DD', 'HH:MM'). */
export function wallClockToInstant(date: string, time: string, zone: string): Date {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) throw new Error(`wall clock ${date} ${time}: expected YYYY-MM-DD and HH:MM`);
  const naive = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  let instant = naive - zoneOffsetMinutes(zone, new Date(naive)) * 60_000;
  const again = naive - zoneOffsetMinutes(zone, new Date(instant)) * 60_000;
  if (again !== instant) instant = again;
  return new Date(instant);
}

/** 'YYYY-MM-DD' shifted by whole days (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const d = DATE.exec(date);
  if (!d) throw new Error(`date ${date}: expected YYYY-MM-DD`);
  return new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]) + days)).toISOString().slice(0, 10);
}
