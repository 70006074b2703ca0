import { describe, expect, it } from 'vitest';
import { loginPrefix, sanitizeFileName, uniqueNamer } from './file-names.ts';

describe('sanitizeFileName', () => {
  it('keeps the last path segment of Unix and Windows paths', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\Учитель\\отчёт.pdf')).toBe('отчёт.pdf');
  });

  it('drops control and bidi characters and collapses spaces', () => {
    expect(sanitizeFileName('a\u0000b\r\nc\u202Efdp.exe')).toBe('abcfdp.exe');
    expect(sanitizeFileName('  два   пробела .pdf ')).toBe('два пробела .pdf');
  });

  it('refuses names with nothing left', () => {
    expect(sanitizeFileName('..')).toBeNull();
    expect(sanitizeFileName('dir/')).toBeNull();
    expect(sanitizeFileName('\u0001')).toBeNull();
  });

  it('cuts to 255 characters keeping the extension', () => {
    const cut = sanitizeFileName(`${'ж'.repeat(400)}.xlsx`)!;
    expect([...cut]).toHaveLength(255);
    expect(cut.endsWith('ж.xlsx')).toBe(true);
  });
});

describe('loginPrefix', () => {
  it('is the part before the first dot, underscore, dash or space', () => {
    expect(loginPrefix('sch390001.pdf')).toBe('sch390001');
    expect(loginPrefix('sch390001_коды.pdf')).toBe('sch390001');
    expect(loginPrefix('spo250101-протокол.pdf')).toBe('spo250101');
    expect(loginPrefix('sch770004 список.xlsx')).toBe('sch770004');
  });
});

describe('uniqueNamer', () => {
  it('suffixes repeats before the extension, ignoring case', () => {
    const next = uniqueNamer();
    expect(['a.pdf', 'A.pdf', 'a.pdf', 'b'].map(next)).toEqual(['a.pdf', 'A (2).pdf', 'a (3).pdf', 'b']);
  });
});
