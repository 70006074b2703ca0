import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';

export interface ArchiveEntry {
  name: string;
  data: Buffer;
}

/**
 * One ОО's archive in memory (a few hundred KB). With a password it is AES-256 (WinZip AE-2, what
 * 7-Zip and Windows tools open); PDFs are already compressed, so entries are stored, not deflated.
 */
export async function buildArchive(
  entries: readonly ArchiveEntry[],
  password: string | null,
  at: Date,
): Promise<Buffer> {
  const writer = new Uint8ArrayWriter();
  const zip = new ZipWriter(writer, {
    useWebWorkers: false,
    ...(password ? { password, encryptionStrength: 3 as const } : {}),
  });
  for (const e of entries) {
    await zip.add(e.name, new Uint8ArrayReader(e.data), { level: 0, lastModDate: at });
  }
  return Buffer.from(await zip.close());
}
