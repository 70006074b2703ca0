// Moments of the ВПР procedure as users read them. A copy of packages/shared/src/vpr/moment-text.ts:
// the cabinet takes only types from @oko/shared, so the server's wording is repeated here, with its test.

export const MOSCOW_ZONE = 'Europe/Moscow';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('ru-RU', {
      timeZone: zone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** 'дд.мм.гггг чч:мм' as a wall clock in the zone. */
export function wallClockText(at: Date, zone: string): string {
  return formatter(zone).format(at).replace(',', '');
}

const secondsFormatters = new Map<string, Intl.DateTimeFormat>();

/** 'дд.мм.гггг чч:мм:сс' as a wall clock in the zone: the server clock line of «Ход ВПР». */
export function wallClockSecondsText(at: Date, zone: string): string {
  let f = secondsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('ru-RU', {
      timeZone: zone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    secondsFormatters.set(zone, f);
  }
  return f.format(at).replace(',', '');
}

/**
 * Local time of the ОО first, Moscow time beside it when they differ
 * («22.04.2027 07:30 по местному времени (03:30 МСК)»).
 */
export function momentText(at: Date, zone: string): string {
  const local = wallClockText(at, zone);
  const moscow = wallClockText(at, MOSCOW_ZONE);
  if (zone === MOSCOW_ZONE || local === moscow) return `${moscow} МСК`;
  const otherDay = local.slice(0, 10) === moscow.slice(0, 10) ? '' : `, ${moscow.slice(0, 10)}`;
  return `${local} по местному времени (${moscow.slice(11)} МСК${otherDay})`;
}

/** «30.11.2026» of a 'YYYY-MM-DD' calendar date, without any zone arithmetic. */
export function calendarDateText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * What is left until a moment: «2 д 03:12:45», under a day «03:12:45». A moment already reached
 * reads «00:00:00» (the page then asks the server again).
 */
export function countdownText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const clock = `${two(h)}:${two(m)}:${two(s)}`;
  return days > 0 ? `${days} д ${clock}` : clock;
}
