import { inflateEntry, type ZipEntryInfo } from './zip-directory.ts';

/**
 * What the reader needs from the raw parts of an XLSX before exceljs loads it: which part holds which sheet
 * (to judge sizes per sheet) and the merged ranges of a sheet (exceljs expands every merge cell by cell, so a
 * merge over a million cells would stall it; the reader refuses merges itself and tells exceljs to skip them).
 */

const SMALL_PART_CAP = 16 * 1024 * 1024;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : e.startsWith('#') ? parseInt(e.slice(1), 10) : -1;
    if (code >= 0) return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    return ENTITIES[e] ?? m;
  });
}

function attr(attrs: string, name: RegExp): string | null {
  const m = name.exec(attrs);
  return m ? decodeXml(m[1]!) : null;
}

function partText(bytes: Buffer, entries: ZipEntryInfo[], name: string): string | null {
  const entry = entries.find((e) => e.name === name);
  if (!entry) return null;
  const r = inflateEntry(bytes, entry, Math.min(entry.uncompressedSize, SMALL_PART_CAP));
  return r.ok ? r.data.toString('utf8') : null;
}

/** Sheet name → its worksheet entry; empty when the workbook cannot be followed (exceljs will judge it). */
export function worksheetEntries(bytes: Buffer, entries: ZipEntryInfo[]): Map<string, ZipEntryInfo> {
  const out = new Map<string, ZipEntryInfo>();
  const workbook = partText(bytes, entries, 'xl/workbook.xml');
  const rels = partText(bytes, entries, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1]!, /\bId="([^"]*)"/);
    const target = attr(m[1]!, /\bTarget="([^"]*)"/);
    if (!id || !target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    targets.set(id, path);
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attr(m[1]!, /\bname="([^"]*)"/);
    const id = attr(m[1]!, /\b\w+:id="([^"]*)"/);
    const entry = id ? byName.get(targets.get(id) ?? '') : undefined;
    if (name !== null && entry) out.set(name, entry);
  }
  return out;
}

/** The merged ranges of a worksheet part ("A1:B2"), read from its XML. */
export function mergedRanges(xml: string): string[] {
  // mergeCells follows sheetData: start the pattern at the first mention instead of scanning all the rows
  const start = xml.indexOf('mergeCell');
  if (start < 0) return [];
  const ranges: string[] = [];
  for (const m of xml.slice(Math.max(0, start - 10)).matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g)) {
    ranges.push(m[1]!);
  }
  return ranges;
}
