// Wall-clock time of a given zone ↔ instants, for date-time inputs that mean «по времени региона», not the
// browser's clock (a coordinator may sit in another zone than the computer's settings say).
import { formatDateTime, MOSCOW, moscowOffsetLabel } from '../format';

function wallParts(date: Date, timeZone: string): number[] {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return [get('year'), get('month'), get('day'), get('hour'), get('minute')];
}

/** How far the zone's wall clock is ahead of UTC at that moment, in ms. */
function zoneOffsetMs(date: Date, timeZone: string): number {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0] = wallParts(date, timeZone);
  const wholeMinute = Math.floor(date.getTime() / 60_000) * 60_000;
  return Date.UTC(y, mo - 1, d, h, mi) - wholeMinute;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/** The instant at which the wall clock of `timeZone` shows `local` ('YYYY-MM-DDTHH:MM'); null if malformed. */
export function zonedToInstant(local: string, timeZone: string): Date | null {
  const m = LOCAL_INPUT.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(asUtc)) return null;
  let t = asUtc - zoneOffsetMs(new Date(asUtc), timeZone);
  // a second pass settles the rare case where the offset changed between the guess and the answer
  t = asUtc - zoneOffsetMs(new Date(t), timeZone);
  return new Date(t);
}

/** 'YYYY-MM-DDTHH:MM' of the instant on the wall clock of `timeZone` — the value of a datetime-local input. */
export function instantToZoned(date: Date, timeZone: string): string {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0] = wallParts(date, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}`;
}

/** «21.11.2025, 09:00 (местное) / 21.11.2025, 08:00 МСК», or one Moscow time when the zone is Moscow's. */
export function localAndMoscow(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (moscowOffsetLabel(timeZone, date) === 'МСК') return `${formatDateTime(date, MOSCOW)} МСК`;
  return `${formatDateTime(date, timeZone)} (местное) / ${formatDateTime(date, MOSCOW)} МСК`;
}

/** «21.11.2025» in the zone. */
export function formatDate(iso: string, timeZone: string): string {
  return formatDateTime(new Date(iso), timeZone).slice(0, 10);
}
