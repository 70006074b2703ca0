/**
 * Names in the directory of an OLE compound file (CFB: old .xls, .doc, and password-protected OOXML, which
 * Office wraps in CFB with "EncryptionInfo" and "EncryptedPackage" streams).
 */

export const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const END_OF_CHAIN_MIN = 0xfffffffa;
const MAX_SECTORS_WALKED = 100_000;

export function isCfb(buf: Buffer): boolean {
  return buf.length >= 8 && buf.subarray(0, 8).equals(CFB_MAGIC);
}

/** Directory entry names; null when the structure cannot be followed (truncated or damaged file). */
export function cfbEntryNames(buf: Buffer): string[] | null {
  try {
    return walkDirectory(buf);
  } catch {
    return null;
  }
}

function walkDirectory(buf: Buffer): string[] | null {
  if (!isCfb(buf) || buf.length < 512) return null;
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectorAt = (sid: number): number => (sid + 1) * sectorSize;

  // FAT sector ids: 109 in the header, the rest in a chain of DIFAT sectors
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const sid = buf.readUInt32LE(0x4c + i * 4);
    if (sid < END_OF_CHAIN_MIN) fatSectors.push(sid);
  }
  let difat = buf.readUInt32LE(0x44);
  for (let walked = 0; difat < END_OF_CHAIN_MIN && walked < MAX_SECTORS_WALKED; walked++) {
    const at = sectorAt(difat);
    if (at + sectorSize > buf.length) return null;
    for (let i = 0; i < perSector - 1; i++) {
      const sid = buf.readUInt32LE(at + i * 4);
      if (sid < END_OF_CHAIN_MIN) fatSectors.push(sid);
    }
    difat = buf.readUInt32LE(at + sectorSize - 4);
  }
  const next = (sid: number): number | null => {
    const fatSector = fatSectors[Math.floor(sid / perSector)];
    if (fatSector === undefined) return null;
    const at = sectorAt(fatSector) + (sid % perSector) * 4;
    return at + 4 > buf.length ? null : buf.readUInt32LE(at);
  };

  const names: string[] = [];
  let sid: number | null = buf.readUInt32LE(0x30);
  for (let walked = 0; sid !== null && sid < END_OF_CHAIN_MIN; walked++) {
    if (walked >= MAX_SECTORS_WALKED) return null;
    const at = sectorAt(sid);
    if (at + sectorSize > buf.length) return null;
    for (let e = at; e < at + sectorSize; e += 128) {
      const nameLength = buf.readUInt16LE(e + 0x40);
      const type = buf[e + 0x42];
      if (type === 0 || nameLength < 2 || nameLength > 64) continue;
      names.push(buf.toString('utf16le', e, e + nameLength - 2));
    }
    sid = next(sid);
  }
  return names;
}

/** A password-protected Office file: by its directory, or by the stream name when the directory is damaged. */
export function isEncryptedOfficeFile(buf: Buffer): boolean {
  const names = cfbEntryNames(buf);
  if (names) return names.includes('EncryptionInfo');
  return buf.includes(Buffer.from('EncryptionInfo', 'utf16le'));
}
