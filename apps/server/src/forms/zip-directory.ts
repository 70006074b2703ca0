import { inflateRawSync } from 'node:zlib';

/**
 * The central directory of a ZIP, read from its bytes without inflating anything: enough to judge an upload
 * (is it an XLSX? how big would it be unpacked?) before a spreadsheet library gets to see it.
 */
export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflate; XLSX uses nothing else */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 100_000;

function u64(buf: Buffer, at: number): number {
  return Number(buf.readBigUInt64LE(at));
}

function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

/** The entries, or null when the bytes are not a readable ZIP (truncated, corrupted, not a ZIP at all). */
export function readZipDirectory(buf: Buffer): ZipEntryInfo[] | null {
  try {
    return parseDirectory(buf);
  } catch {
    // a field pointing outside the buffer: damaged, whatever the checks below missed
    return null;
  }
}

function parseDirectory(buf: Buffer): ZipEntryInfo[] | null {
  if (buf.length < 22) return null;
  const eocd = findEocd(buf);
  if (eocd < 0) return null;
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20) {
    if (buf.readUInt32LE(eocd - 20) !== ZIP64_LOCATOR) return null;
    const at = u64(buf, eocd - 12);
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== ZIP64_EOCD) return null;
    count = u64(buf, at + 32);
    cdSize = u64(buf, at + 40);
    cdOffset = u64(buf, at + 48);
  }
  if (count > MAX_ENTRIES || cdOffset + cdSize > buf.length) return null;
  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return null;
    const flags = buf.readUInt16LE(p + 8);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength > buf.length) return null;
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLength);
    const entry: ZipEntryInfo = {
      name: nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1'),
      method: buf.readUInt16LE(p + 10),
      flags,
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    };
    readZip64Extra(buf, p + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** ZIP64 keeps the real sizes in extra field 0x0001, only for the fields saturated at 0xFFFFFFFF. */
function readZip64Extra(buf: Buffer, start: number, length: number, entry: ZipEntryInfo): void {
  let q = start;
  const end = start + length;
  while (q + 4 <= end) {
    const id = buf.readUInt16LE(q);
    const size = buf.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const take = (): number => {
        const v = r + 8 <= q + 4 + size ? u64(buf, r) : 0xffffffff;
        r += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      return;
    }
    q += 4 + size;
  }
}

/** The compressed bytes of an entry, located through its local header. */
function entryData(buf: Buffer, entry: ZipEntryInfo): Buffer | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) return null;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  return end > buf.length ? null : buf.subarray(start, end);
}

export type InflateResult = { ok: true; data: Buffer } | { ok: false; reason: 'corrupt' | 'too-big' };

/**
 * Inflates one entry but never past `maxBytes`: zlib stops at the cap, so an entry that lies about its size
 * in the directory cannot blow up memory.
 */
export function inflateEntry(buf: Buffer, entry: ZipEntryInfo, maxBytes: number): InflateResult {
  const data = entryData(buf, entry);
  if (!data) return { ok: false, reason: 'corrupt' };
  if (entry.method === 0) return data.length > maxBytes ? { ok: false, reason: 'too-big' } : { ok: true, data };
  if (entry.method !== 8) return { ok: false, reason: 'corrupt' };
  try {
    return { ok: true, data: inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) }) };
  } catch (e) {
    const tooBig = e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    return { ok: false, reason: tooBig ? 'too-big' : 'corrupt' };
  }
}
