import { describe, expect, it } from 'vitest';
import { calendarDateText, countdownText, momentText } from './time';

describe('моменты ВПР', () => {
  it('показывает местное время и московское рядом', () => {
    const at = new Date('2026-12-10T00:30:00Z'); // 07:30 in Krasnoyarsk (UTC+7)
    expect(momentText(at, 'Asia/Krasnoyarsk')).toBe('10.12.2026 07:30 по местному времени (03:30 МСК)');
    expect(momentText(new Date('2026-12-10T11:00:00Z'), 'Europe/Moscow')).toBe('10.12.2026 14:00 МСК');
  });

  it('называет московскую дату, когда она другая', () => {
    const at = new Date('2027-04-21T19:30:00Z'); // 07:30 in Kamchatka (UTC+12)
    expect(momentText(at, 'Asia/Kamchatka')).toBe('22.04.2027 07:30 по местному времени (22:30 МСК, 21.04.2027)');
  });

  it('считает обратный отсчёт в днях, часах, минутах и секундах', () => {
    expect(countdownText(((2 * 24 + 3) * 3600 + 12 * 60 + 45) * 1000)).toBe('2 д 03:12:45');
    expect(countdownText(59_001)).toBe('00:01:00');
    expect(countdownText(1000)).toBe('00:00:01');
    expect(countdownText(-5000)).toBe('00:00:00');
  });

  it('пишет календарную дату по-русски', () => {
    expect(calendarDateText('2026-11-30')).toBe('30.11.2026');
  });
});
