import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('generates 12 readable characters with a lower, an upper and a digit, never look-alikes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const p = generatePassword();
      expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{12}$/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/\d/);
      seen.add(p);
    }
    expect(seen.size).toBe(500);
  });

  it('hashes with argon2id and verifies case-sensitively', async () => {
    const h = await hashPassword('Пароль-Secret-1');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'Пароль-Secret-1')).toBe(true);
    expect(await verifyPassword(h, 'пароль-secret-1')).toBe(false);
  });

  it('refuses short, login-containing and single-class passwords', () => {
    expect(passwordProblem('sch390001', 'short1A')).toMatch(/не короче/);
    expect(passwordProblem('sch390001', 'xxSCH390001xx')).toMatch(/логин/);
    expect(passwordProblem('sch390001', 'abcdefghijkl')).toMatch(/двух видов/);
    expect(passwordProblem('sch390001', 'Весна-в-Калининграде')).toBeNull();
  });
});
