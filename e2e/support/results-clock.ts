// Moments of the ВПР procedure computed by the test itself, independently of the server's own time code.
import fs from 'node:fs';

export const MOSCOW = 'Europe/Moscow';

/** Wall-clock parts of an instant in a zone, read back as if they were UTC. */
function wallAsUtc(t: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(t));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** The instant at which the zone's wall clock shows `date` `time`. */
export function localInstant(date: string, time: string, zone: string): Date {
  const guess = Date.parse(`${date}T${time}:00Z`);
  let t = guess - (wallAsUtc(guess, zone) - guess);
  t = guess - (wallAsUtc(t, zone) - t);
  return new Date(t);
}

/** The calendar date (YYYY-MM-DD) an instant falls on in a zone. */
export const dateIn = (at: Date, zone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at).slice(0, 10);

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server re-reads CLOCK_FILE every 20 ms; its time runs on from the instant written. */
export async function setClock(file: string, at: Date): Promise<void> {
  fs.writeFileSync(file, at.toISOString());
  await sleep(80);
}
