import { describe, expect, it } from 'vitest';
import { instantToZoned, localAndMoscow, zonedToInstant } from './zonedTime';

describe('время по часовому поясу', () => {
  it('читает «09:00» по Калининграду, Москве и Владивостоку как разные моменты', () => {
    expect(zonedToInstant('2026-04-15T09:00', 'Europe/Kaliningrad')?.toISOString()).toBe('2026-04-15T07:00:00.000Z');
    expect(zonedToInstant('2026-04-15T09:00', 'Europe/Moscow')?.toISOString()).toBe('2026-04-15T06:00:00.000Z');
    expect(zonedToInstant('2026-04-15T09:00', 'Asia/Vladivostok')?.toISOString()).toBe('2026-04-14T23:00:00.000Z');
  });

  it('переводит момент обратно в значение поля ввода', () => {
    const at = new Date('2026-04-14T23:00:00.000Z');
    expect(instantToZoned(at, 'Asia/Vladivostok')).toBe('2026-04-15T09:00');
    expect(instantToZoned(at, 'Europe/Moscow')).toBe('2026-04-15T02:00');
  });

  it('отвергает неполное значение', () => {
    expect(zonedToInstant('2026-04-15', 'Europe/Moscow')).toBeNull();
    expect(zonedToInstant('', 'Europe/Moscow')).toBeNull();
  });

  it('показывает местное время и московское, а для Москвы — одно', () => {
    expect(localAndMoscow('2026-04-15T07:00:00.000Z', 'Europe/Kaliningrad')).toBe(
      '15.04.2026, 09:00 (местное) / 15.04.2026, 10:00 МСК',
    );
    expect(localAndMoscow('2026-04-15T07:00:00.000Z', 'Europe/Moscow')).toBe('15.04.2026, 10:00 МСК');
  });
});
