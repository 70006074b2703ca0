import { addDays, wallClockToInstant } from './zoned-time.ts';

/**
 * The time rules of the ВПР procedure (seed 001, DOMAIN.md «Time»), as instants. Every gate in the
 * system — file lists, downloads, the password endpoint — asks these functions, so a rule lives in
 * one place and the clock-driven tests walk through it zone by zone.
 */

export const MOSCOW_ZONE = 'Europe/Moscow';

/**
 * `open`: grades 4 and 5 (Русский язык, Математика, Окружающий мир) — plain archive 4 days ahead,
 * criteria with it. `encrypted`: grade 5 История/Биология and grades 6–11 — encrypted archive 3 days
 * ahead, password at 07:30 local on the day, criteria after 14:00 Moscow time.
 */
export type MaterialsGroup = 'open' | 'encrypted';

export interface VprGates {
  /** the archive can be downloaded from this moment (00:00 local, 4 or 3 days before) */
  archiveFrom: Date;
  /** the archive's password is shown from this moment (07:30 local on the test day); null: no password */
  passwordFrom: Date | null;
  /** the criteria open at this moment */
  criteriaFrom: Date;
  /** results upload closes at this moment (23:00 Moscow time on the deadline day) */
  resultsUntil: Date;
}

export interface VprGateInput {
  group: MaterialsGroup;
  /** 'YYYY-MM-DD': the school's test date for the subject */
  testDate: string;
  /** 'YYYY-MM-DD': the plan-schedule's last day for uploading results */
  resultsDeadlineDate: string;
  /** IANA zone of the school: its municipality's, else its region's */
  zone: string;
}

export const ARCHIVE_DAYS_AHEAD: Record<MaterialsGroup, number> = { open: 4, encrypted: 3 };
export const PASSWORD_LOCAL_TIME = '07:30';
export const CRITERIA_MOSCOW_TIME = '14:00';
export const RESULTS_MOSCOW_TIME = '23:00';

/** Results upload closes at 23:00 Moscow time of the deadline day: the same moment for every ОО. */
export const resultsUntil = (resultsDeadlineDate: string): Date =>
  wallClockToInstant(resultsDeadlineDate, RESULTS_MOSCOW_TIME, MOSCOW_ZONE);

export function vprGates(input: VprGateInput): VprGates {
  const archiveFrom = wallClockToInstant(
    addDays(input.testDate, -ARCHIVE_DAYS_AHEAD[input.group]),
    '00:00',
    input.zone,
  );
  const until = resultsUntil(input.resultsDeadlineDate);
  if (input.group === 'open')
    return { archiveFrom, passwordFrom: null, criteriaFrom: archiveFrom, resultsUntil: until };
  return {
    archiveFrom,
    passwordFrom: wallClockToInstant(input.testDate, PASSWORD_LOCAL_TIME, input.zone),
    criteriaFrom: wallClockToInstant(input.testDate, CRITERIA_MOSCOW_TIME, MOSCOW_ZONE),
    resultsUntil: until,
  };
}

/** A gate is open from its instant on, to the millisecond; an absent gate never opens. */
export function isOpen(gate: Date | null, now: Date): boolean {
  return gate !== null && now.getTime() >= gate.getTime();
}
