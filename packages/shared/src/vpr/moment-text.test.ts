import { describe, expect, it } from 'vitest';
import { momentText, wallClockText } from './moment-text.ts';

describe('momentText', () => {
  it('shows local time first and Moscow time beside it', () => {
    const at = new Date('2027-04-22T00:30:00Z'); // 07:30 in Krasnoyarsk (UTC+7)
    expect(wallClockText(at, 'Asia/Krasnoyarsk')).toBe('22.04.2027 07:30');
    expect(momentText(at, 'Asia/Krasnoyarsk')).toBe('22.04.2027 07:30 по местному времени (03:30 МСК)');
  });
  it('names the Moscow date when it differs, and says МСК alone in Moscow', () => {
    const at = new Date('2027-04-21T19:30:00Z'); // 07:30 in Kamchatka (UTC+12), 22:30 the day before in Moscow
    expect(momentText(at, 'Asia/Kamchatka')).toBe('22.04.2027 07:30 по местному времени (22:30 МСК, 21.04.2027)');
    expect(momentText(new Date('2027-04-22T11:00:00Z'), 'Europe/Moscow')).toBe('22.04.2027 14:00 МСК');
  });
});
