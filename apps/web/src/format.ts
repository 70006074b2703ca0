// Dates, time zones and browsers in words a school organizer reads without effort.

export const MOSCOW = 'Europe/Moscow';

function wallClock(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), mi: get('minute') };
}

/** «21.11.2025, 14:05» in the given zone. */
export function formatDateTime(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return `${w.d}.${w.m}.${w.y}, ${w.h}:${w.mi}`;
}

/** Hours between the zone and Moscow at that moment: Калининград −1, Владивосток +7. */
export function hoursFromMoscow(date: Date, timeZone: string): number {
  const utc = (w: ReturnType<typeof wallClock>) => Date.UTC(+w.y, +w.m - 1, +w.d, +w.h, +w.mi);
  return Math.round((utc(wallClock(date, timeZone)) - utc(wallClock(date, MOSCOW))) / 3_600_000);
}

/** «МСК», «МСК+7», «МСК−1». */
export function moscowOffsetLabel(timeZone: string, date = new Date()): string {
  let hours: number;
  try {
    hours = hoursFromMoscow(date, timeZone);
  } catch {
    return timeZone;
  }
  if (hours === 0) return 'МСК';
  return hours > 0 ? `МСК+${hours}` : `МСК−${-hours}`;
}

/** A short Russian description of a User-Agent string: «Chrome, Windows». */
export function describeBrowser(ua: string | null): string {
  if (!ua) return 'неизвестно';
  const browser = /YaBrowser\//.test(ua)
    ? 'Яндекс Браузер'
    : /Edg\//.test(ua)
      ? 'Microsoft Edge'
      : /OPR\//.test(ua)
        ? 'Opera'
        : /Firefox\//.test(ua)
          ? 'Firefox'
          : /Chrome\//.test(ua)
            ? /HeadlessChrome/.test(ua)
              ? 'Chrome (автоматический)'
              : 'Chrome'
            : /Safari\//.test(ua)
              ? 'Safari'
              : /curl|node|undici|python/i.test(ua)
                ? 'программа'
                : 'другой браузер';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad/.test(ua)
        ? 'iOS'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser}, ${os}` : browser;
}

/** «3 учётные записи», «5 учётных записей». */
export function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}
