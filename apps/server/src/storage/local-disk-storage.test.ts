import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { BlobTooLargeError } from './blob-storage.ts';
import { LocalDiskStorage } from './local-disk-storage.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oko-blobs-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('LocalDiskStorage', () => {
  const storage = new LocalDiskStorage(root);

  it('stores bytes under their SHA-256 and reads them back whole or by range', async () => {
    const bytes = Buffer.from('Всероссийские проверочные работы');
    const blob = await storage.put(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
    expect(blob).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    expect(await text(storage.read(blob.sha256))).toBe(bytes.toString());
    expect(await text(storage.read(blob.sha256, { start: 0, end: 5 }))).toBe(bytes.subarray(0, 6).toString());
    expect(await storage.size(blob.sha256)).toBe(bytes.length);
  });

  it('refuses a blob over the limit and leaves nothing behind', async () => {
    await expect(storage.put(Buffer.alloc(1000), { maxBytes: 999 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);
    const sha = createHash('sha256').update(Buffer.alloc(1000)).digest('hex');
    expect(await storage.size(sha)).toBeNull();
  });

  it('never turns anything but a hash into a path', () => {
    expect(() => storage.localPath('../../etc/passwd')).toThrow();
  });
});
