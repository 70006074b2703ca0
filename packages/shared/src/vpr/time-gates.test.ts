import { describe, expect, it } from 'vitest';
import { REGIONS } from '../regions.ts';
import { isOpen, vprGates } from './time-gates.ts';
import { addDays, wallClockToInstant, zoneOffsetMinutes } from './zoned-time.ts';

/** Russia's eleven zones, west to east, with their UTC offsets in hours. */
const ZONES: [string, number][] = [
  ['Europe/Kaliningrad', 2],
  ['Europe/Moscow', 3],
  ['Europe/Samara', 4],
  ['Asia/Yekaterinburg', 5],
  ['Asia/Omsk', 6],
  ['Asia/Krasnoyarsk', 7],
  ['Asia/Irkutsk', 8],
  ['Asia/Yakutsk', 9],
  ['Asia/Vladivostok', 10],
  ['Asia/Magadan', 11],
  ['Asia/Kamchatka', 12],
];

const TEST_DATE = '2027-04-15';
const SECOND = 1000;
const utc = (iso: string) => new Date(iso).getTime();

describe('zoned wall-clock time', () => {
  it('knows the offset of each of the eleven zones, summer and winter alike (no DST since 2014)', () => {
    for (const [zone, hours] of ZONES) {
      expect(zoneOffsetMinutes(zone, new Date('2027-01-15T12:00:00Z')), zone).toBe(hours * 60);
      expect(zoneOffsetMinutes(zone, new Date('2027-07-15T12:00:00Z')), zone).toBe(hours * 60);
    }
  });

  it('puts every region of the reference table into one of the eleven zones', () => {
    const offsets = new Set(ZONES.map(([, h]) => h * 60));
    for (const r of REGIONS)
      expect(offsets.has(zoneOffsetMinutes(r.timeZone, new Date(utc('2027-04-15T00:00:00Z')))), r.name).toBe(true);
    expect(new Set(REGIONS.map((r) => zoneOffsetMinutes(r.timeZone, new Date('2027-04-15T00:00:00Z'))))).toEqual(
      offsets,
    );
  });

  it('turns a wall clock into the instant, across the date line of UTC', () => {
    expect(wallClockToInstant('2027-04-15', '07:30', 'Asia/Kamchatka').toISOString()).toBe('2027-04-14T19:30:00.000Z');
    expect(wallClockToInstant('2027-04-15', '00:00', 'Europe/Kaliningrad').toISOString()).toBe(
      '2027-04-14T22:00:00.000Z',
    );
    expect(addDays('2027-03-01', -3)).toBe('2027-02-26');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('ВПР time gates in all eleven zones, one second either side', () => {
  for (const [zone, hours] of ZONES) {
    it(`${zone} (UTC+${hours})`, () => {
      const enc = vprGates({ group: 'encrypted', testDate: TEST_DATE, resultsDeadlineDate: '2027-04-22', zone });
      // password: 07:30 local on the test day, whatever the zone
      const password = utc(`${TEST_DATE}T07:30:00Z`) - hours * 3_600_000;
      expect(enc.passwordFrom!.getTime()).toBe(password);
      expect(isOpen(enc.passwordFrom, new Date(password - SECOND))).toBe(false);
      expect(isOpen(enc.passwordFrom, new Date(password - 1))).toBe(false);
      expect(isOpen(enc.passwordFrom, new Date(password))).toBe(true);
      // criteria: 14:00 Moscow time for everyone — before it in the east the day is nearly over
      const criteria = utc(`${TEST_DATE}T11:00:00Z`);
      expect(enc.criteriaFrom.getTime()).toBe(criteria);
      expect(isOpen(enc.criteriaFrom, new Date(criteria - SECOND))).toBe(false);
      expect(isOpen(enc.criteriaFrom, new Date(criteria))).toBe(true);
      // encrypted archive: 00:00 local three days ahead
      const archive = utc('2027-04-12T00:00:00Z') - hours * 3_600_000;
      expect(enc.archiveFrom.getTime()).toBe(archive);
      expect(isOpen(enc.archiveFrom, new Date(archive - SECOND))).toBe(false);
      expect(isOpen(enc.archiveFrom, new Date(archive))).toBe(true);
      // results: until 23:00 Moscow time on the deadline day
      expect(enc.resultsUntil.toISOString()).toBe('2027-04-22T20:00:00.000Z');

      const open = vprGates({ group: 'open', testDate: TEST_DATE, resultsDeadlineDate: '2027-04-22', zone });
      const openArchive = utc('2027-04-11T00:00:00Z') - hours * 3_600_000;
      expect(open.archiveFrom.getTime()).toBe(openArchive);
      expect(open.criteriaFrom.getTime()).toBe(openArchive);
      expect(open.passwordFrom).toBeNull();
      expect(isOpen(open.passwordFrom, new Date(utc('2030-01-01T00:00:00Z')))).toBe(false);
    });
  }

  it('opens the password in Kamchatka the evening before in UTC, and in Kaliningrad 10 hours later', () => {
    const at = (zone: string) =>
      vprGates({ group: 'encrypted', testDate: TEST_DATE, resultsDeadlineDate: TEST_DATE, zone }).passwordFrom!;
    expect(at('Europe/Kaliningrad').getTime() - at('Asia/Kamchatka').getTime()).toBe(10 * 3_600_000);
  });
});
