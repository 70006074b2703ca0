/** Dates are stored as 'YYYY-MM-DD' strings: no time zone can shift a birthday by a day. */

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The ISO date for y-m-d, or null when there is no such day (31.02) or the year is out of range. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}

/** "2024-09-01" → "01.09.2024" */
export function isoToRu(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** "dd.mm.yyyy" (optionally with a time Excel appends when pasting), "yyyy-mm-dd", "yyyy-mm-ddThh:mm". */
export function parseDateText(text: string): string | null {
  const s = text.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(\s+\d{1,2}:\d{2}(:\d{2})?)?$/.exec(s);
  if (ru) return isoDate(Number(ru[3]), Number(ru[2]), Number(ru[1]));
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})([T\s]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/.exec(s);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/**
 * Excel serial day numbers count from 1900-01-01 = 1 and keep Lotus's phantom 1900-02-29 (serial 60), so
 * serials from 61 on are days since 1899-12-30.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const days = Math.floor(serial);
  if (days === 60) return null;
  const offset = days < 60 ? days - 1 : days - 2;
  const d = new Date(Date.UTC(1900, 0, 1) + offset * 86_400_000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** exceljs gives date cells as Date at UTC midnight; a time part (rounded to the second) is dropped. */
export function dateObjectToIso(date: Date): string | null {
  const t = date.getTime();
  if (!Number.isFinite(t)) return null;
  const d = new Date(Math.round(t / 1000) * 1000);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** 'YYYY-MM-DD' → Date at UTC midnight, the form exceljs writes as an Excel date. */
export function isoToUtcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}
