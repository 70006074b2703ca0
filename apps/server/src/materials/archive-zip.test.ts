import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { buildArchive } from './archive-zip.ts';

const entries = [
  { name: 'Вариант 1.pdf', data: Buffer.from('%PDF-1.3 первый') },
  { name: 'Вариант 2.pdf', data: Buffer.from('%PDF-1.3 второй') },
];
const at = new Date('2027-04-10T00:00:00Z');

async function read(zip: Buffer, password?: string) {
  const reader = new ZipReader(new Uint8ArrayReader(zip), { useWebWorkers: false, ...(password ? { password } : {}) });
  const out: Record<string, string> = {};
  const list = await reader.getEntries();
  for (const e of list) {
    if (!e.directory) out[e.filename] = Buffer.from(await e.getData!(new Uint8ArrayWriter())).toString();
  }
  await reader.close();
  return { out, encrypted: list.map((e) => e.encrypted) };
}

describe('buildArchive', () => {
  it('writes a plain ZIP with Cyrillic names for the open group', async () => {
    const zip = await buildArchive(entries, null, at);
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    const { out, encrypted } = await read(zip);
    expect(out).toEqual({ 'Вариант 1.pdf': '%PDF-1.3 первый', 'Вариант 2.pdf': '%PDF-1.3 второй' });
    expect(encrypted).toEqual([false, false]);
  });

  it('encrypts with AES-256: the right password opens it, a wrong one does not, contents are not in clear', async () => {
    const zip = await buildArchive(entries, 'Kx7mPq2RsT9vWy4Z', at);
    expect(zip.toString('latin1')).not.toContain('%PDF');
    // the AES extra field 0x9901 with strength 3 (256 bit) on every entry
    expect(zip.includes(Buffer.from([0x01, 0x99, 0x07, 0x00, 0x02, 0x00, 0x41, 0x45, 0x03]))).toBe(true);
    const { out, encrypted } = await read(zip, 'Kx7mPq2RsT9vWy4Z');
    expect(out['Вариант 2.pdf']).toBe('%PDF-1.3 второй');
    expect(encrypted).toEqual([true, true]);
    await expect(read(zip, 'wrong-password')).rejects.toThrow();
  });
});
