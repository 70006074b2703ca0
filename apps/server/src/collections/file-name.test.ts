import { describe, expect, it } from 'vitest';
import { downloadName } from './file-name.ts';

describe('download names', () => {
  it('keep Cyrillic and drop what file systems refuse', () => {
    expect(downloadName('Анкета ОО: 2026/27 — sch390001', 'xlsx')).toBe('Анкета ОО 2026 27 — sch390001.xlsx');
    expect(downloadName('a\u0000b\tc"d', 'xlsx')).toBe('a b c d.xlsx');
    expect(downloadName('я'.repeat(300), 'xlsx')).toHaveLength(155);
  });
});
