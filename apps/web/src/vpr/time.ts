// Moments of the ВПР procedure as users read them: the wording is the server's (packages/shared moment-text.ts),
// the countdown and the seconds line belong to the cabinet alone.
export { MOSCOW_ZONE, momentText, wallClockText } from '@oko/shared';

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
