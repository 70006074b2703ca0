import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newArchivePassword, PasswordSeal } from './password-seal.ts';

describe('PasswordSeal', () => {
  it('round-trips, never stores the plain text, and refuses a tampered seal', () => {
    const seal = PasswordSeal.withKey(Buffer.alloc(32, 7));
    const sealed = seal.seal('Шифр-2027-abc');
    expect(sealed).not.toContain('Шифр');
    expect(seal.unseal(sealed)).toBe('Шифр-2027-abc');
    expect(seal.seal('x')).not.toBe(seal.seal('x'));
    const [iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => seal.unseal([iv, tag, flipped.toString('base64')].join('.'))).toThrow();
    expect(() => PasswordSeal.withKey(Buffer.alloc(32, 8)).unseal(sealed)).toThrow();
  });

  it('creates its key once in DATA_DIR and reads the same key afterwards', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oko-seal-'));
    try {
      const sealed = PasswordSeal.fromDataDir(dir).seal('pw');
      const file = path.join(dir, 'secrets', 'materials.key');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(PasswordSeal.fromDataDir(dir).unseal(sealed)).toBe('pw');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes unambiguous passwords of 16 characters', () => {
    const all = Array.from({ length: 200 }, () => newArchivePassword());
    for (const p of all) expect(p).toMatch(/^[A-HJ-NP-Za-km-z2-9]{16}$/);
    expect(new Set(all).size).toBe(200);
  });
});
