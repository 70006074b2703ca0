import { describe, expect, it } from 'vitest';
import { REGIONS } from './regions.ts';

/** The winter UTC offset of a zone, in hours. */
const offset = (timeZone: string) => {
  const d = new Date('2027-01-15T12:00:00Z');
  const local = new Date(d.toLocaleString('en-US', { timeZone }));
  const utc = new Date(d.toLocaleString('en-US', { timeZone: 'UTC' }));
  return Math.round((local.getTime() - utc.getTime()) / 3600_000);
};

describe('regions reference table', () => {
  it('has 89 regions with unique two-digit codes', () => {
    expect(REGIONS).toHaveLength(89);
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(89);
    for (const r of REGIONS) expect(r.code).toMatch(/^\d{2}$/);
  });

  it('covers all eleven zones from UTC+2 to UTC+12', () => {
    const offsets = new Set(REGIONS.map((r) => offset(r.timeZone)));
    expect([...offsets].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('puts known regions in their zones', () => {
    const zone = (code: string) => REGIONS.find((r) => r.code === code)?.timeZone;
    expect(zone('39')).toBe('Europe/Kaliningrad');
    expect(zone('18')).toBe('Europe/Samara');
    expect(zone('54')).toBe('Asia/Novosibirsk');
    expect(zone('87')).toBe('Asia/Anadyr');
  });
});
