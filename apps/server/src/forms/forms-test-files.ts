import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import ExcelJS from 'exceljs';

/**
 * Builders of real bad files for the forms tests: every case of the issue's «Bad input» list is a file made
 * here with exceljs, zip.js or by hand (CFB), never a mock.
 */

const OPTIONS = { useWebWorkers: false } as const;

export async function unzipAll(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes), OPTIONS);
  const out = new Map<string, Uint8Array>();
  for (const entry of await reader.getEntries()) {
    if (!entry.directory) out.set(entry.filename, await entry.getData(new Uint8ArrayWriter()));
  }
  await reader.close();
  return out;
}

export type ZipContent = Uint8Array | string | ReadableStream<Uint8Array>;

/** A ZIP made by zip.js; streams let a test pack hundreds of megabytes without holding them. */
export async function zipFiles(files: [string, ZipContent][], level = 6): Promise<Buffer> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { ...OPTIONS, level });
  for (const [name, content] of files) {
    const data = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    await writer.add(name, data instanceof Uint8Array ? new Uint8ArrayReader(data) : data);
  }
  return Buffer.from(await writer.close());
}

/** The same ZIP with some parts replaced (null removes one). */
export async function rezip(bytes: Uint8Array, changes: Record<string, ZipContent | null>): Promise<Buffer> {
  const parts = await unzipAll(bytes);
  const files: [string, ZipContent][] = [];
  for (const [name, data] of parts) {
    if (!(name in changes)) files.push([name, data]);
    else if (changes[name] !== null) files.push([name, changes[name]!]);
  }
  for (const [name, data] of Object.entries(changes)) if (!parts.has(name) && data !== null) files.push([name, data]);
  return zipFiles(files);
}

/** Opens a workbook as a user's Excel would, lets the test edit it, saves it again. */
export async function editXlsx(bytes: Buffer, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  await edit(wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** `size` zero bytes, produced a megabyte at a time. */
export function zeros(size: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024);
  let left = size;
  return new ReadableStream({
    pull(controller) {
      if (left <= 0) return controller.close();
      const n = Math.min(left, chunk.length);
      controller.enqueue(n === chunk.length ? chunk : chunk.subarray(0, n));
      left -= n;
    },
  });
}

/** Overwrites the declared unpacked size of an entry in the central directory (a ZIP that lies). */
export function patchDeclaredSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let p = out.length - 22; p >= 0; p--) {
    if (out.readUInt32LE(p) !== 0x02014b50) continue;
    const nameLength = out.readUInt16LE(p + 28);
    if (out.toString('utf8', p + 46, p + 46 + nameLength) === name) {
      out.writeUInt32LE(size, p + 24);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

// ---------- compound files (CFB) ----------

const SECTOR = 512;
const MINI = 64;
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

interface Stream {
  name: string;
  data: Buffer;
}

function dirEntry(
  name: string,
  type: number,
  color: number,
  left: number,
  right: number,
  child: number,
  start: number,
  size: number,
): Buffer {
  const e = Buffer.alloc(128);
  const encoded = Buffer.from(`${name}\0`, 'utf16le');
  encoded.copy(e, 0);
  e.writeUInt16LE(encoded.length, 0x40);
  e[0x42] = type;
  e[0x43] = color;
  e.writeUInt32LE(left, 0x44);
  e.writeUInt32LE(right, 0x48);
  e.writeUInt32LE(child, 0x4c);
  e.writeUInt32LE(start, 0x74);
  e.writeBigUInt64LE(BigInt(size), 0x78);
  return e;
}

function chain(fat: number[], first: number, count: number): void {
  for (let i = 0; i < count; i++) fat[first + i] = i === count - 1 ? END : first + i + 1;
}

/**
 * A version-3 compound file as Office writes it: header, one FAT sector, one directory sector, a mini FAT
 * with the mini stream for streams under 4096 bytes, regular sectors for the rest. At most 3 streams, all
 * children of the root, names in CFB order (shorter first).
 */
export function buildCfb(streams: Stream[]): Buffer {
  if (streams.length > 3) throw new Error('buildCfb: at most 3 streams');
  const small = streams.filter((s) => s.data.length < 4096);
  const big = streams.filter((s) => s.data.length >= 4096);
  const miniSectors = small.map((s) => Math.ceil(s.data.length / MINI));
  const miniStreamSize = miniSectors.reduce((a, b) => a + b, 0) * MINI;
  const miniStreamSectors = Math.ceil(miniStreamSize / SECTOR);

  // sector map: 0 FAT, 1 directory, 2 mini FAT, then the mini stream, then big streams
  const fat: number[] = new Array<number>(SECTOR / 4).fill(FREE);
  fat[0] = FATSECT;
  fat[1] = END;
  fat[2] = END;
  let next = 3;
  const miniStreamStart = miniStreamSectors ? next : END;
  chain(fat, next, miniStreamSectors);
  next += miniStreamSectors;
  const bigStart = new Map<string, number>();
  for (const s of big) {
    const n = Math.ceil(s.data.length / SECTOR);
    bigStart.set(s.name, next);
    chain(fat, next, n);
    next += n;
  }
  if (next > SECTOR / 4) throw new Error('buildCfb: streams too large for one FAT sector');

  const miniFat: number[] = new Array<number>(SECTOR / 4).fill(FREE);
  const miniStream = Buffer.alloc(miniStreamSectors * SECTOR);
  const miniStart = new Map<string, number>();
  let m = 0;
  small.forEach((s, i) => {
    miniStart.set(s.name, m);
    chain(miniFat, m, miniSectors[i]!);
    s.data.copy(miniStream, m * MINI);
    m += miniSectors[i]!;
  });

  // directory: root → first stream, the others as right siblings in a chain (valid, if unbalanced)
  const entries = [
    dirEntry('Root Entry', 5, 1, NOSTREAM, NOSTREAM, streams.length ? 1 : NOSTREAM, miniStreamStart, miniStreamSize),
  ];
  streams.forEach((s, i) => {
    const right = i + 1 < streams.length ? i + 2 : NOSTREAM;
    const start = s.data.length < 4096 ? miniStart.get(s.name)! : bigStart.get(s.name)!;
    entries.push(dirEntry(s.name, 2, i === 0 ? 1 : 0, NOSTREAM, right, NOSTREAM, start, s.data.length));
  });
  while (entries.length < 4) entries.push(Buffer.alloc(128));

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 0x18);
  header.writeUInt16LE(0x0003, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(2, 0x3c); // first mini FAT sector
  header.writeUInt32LE(1, 0x40); // mini FAT sectors
  header.writeUInt32LE(END, 0x44); // no DIFAT sectors
  header.writeUInt32LE(0, 0x48);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);

  const words = (list: number[]): Buffer => {
    const b = Buffer.alloc(SECTOR);
    list.forEach((v, i) => b.writeUInt32LE(v, i * 4));
    return b;
  };
  const pad = (b: Buffer): Buffer => Buffer.concat([b, Buffer.alloc((SECTOR - (b.length % SECTOR)) % SECTOR)]);
  return Buffer.concat([
    header,
    words(fat),
    Buffer.concat(entries),
    words(miniFat),
    miniStream,
    ...big.map((s) => pad(s.data)),
  ]);
}

/**
 * What Office writes for a book with an opening password: agile EncryptionInfo (version 4.4 and its XML
 * descriptor) and an EncryptedPackage stream (size, then AES blocks — random bytes here).
 */
export function passwordProtectedXlsx(): Buffer {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
    'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" ' +
    'hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
    '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" ' +
    'saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" ' +
    'saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></keyEncryptor></keyEncryptors></encryption>';
  const info = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from(xml, 'utf8')]);
  const pkg = Buffer.alloc(8 + 8192);
  pkg.writeBigUInt64LE(8000n, 0);
  for (let i = 8; i < pkg.length; i++) pkg[i] = (i * 7919) & 0xff;
  return buildCfb([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: pkg },
  ]);
}

/** An Excel 97–2003 book's container: a "Workbook" stream of BIFF records (a BOF record and filler). */
export function legacyXls(): Buffer {
  const biff = Buffer.alloc(6000);
  biff.writeUInt16LE(0x0809, 0); // BOF
  biff.writeUInt16LE(16, 2);
  biff.writeUInt16LE(0x0600, 4);
  return buildCfb([{ name: 'Workbook', data: biff }]);
}
