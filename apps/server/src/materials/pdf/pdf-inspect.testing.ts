import { execFileSync, spawnSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';

/*
 * Test-only reader for the PDFs pdfkit writes: objects, pages, and the text with its position, decoded through
 * each font's ToUnicode map (pdfkit writes glyph ids, not characters, and compresses every stream).
 */

export interface TextRun {
  text: string;
  x: number;
  /** Baseline, in points from the top of the page. */
  y: number;
  size: number;
}

export interface InspectedPage {
  mediaBox: number[];
  runs: TextRun[];
  /** Raw (inflated) content stream, for drawing operators such as dashes. */
  content: string;
  /** Page text with whitespace collapsed; from pdftotext when installed, else from the runs. */
  text: string;
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

export function inspectPdf(pdf: Buffer): InspectedPage[] {
  const objects = readObjects(pdf);
  const get = (ref: number): PdfObject => {
    const o = objects.get(ref);
    if (!o) throw new Error(`PDF object ${ref} is missing`);
    return o;
  };
  const catalog = [...objects.values()].find((o) => /\/Type \/Catalog/.test(o.dict));
  const pagesRef = refOf(catalog?.dict ?? '', 'Pages');
  const kids = /\/Kids \[([^\]]*)\]/.exec(get(pagesRef).dict)?.[1] ?? '';
  const cmaps = new Map<number, Map<string, string>>();
  const pages = [...kids.matchAll(/(\d+) 0 R/g)].map((m) => {
    const page = get(Number(m[1]));
    const mediaBox = (/\/MediaBox \[([^\]]*)\]/.exec(page.dict)?.[1] ?? '').trim().split(/\s+/).map(Number);
    const content = streamText(get(refOf(page.dict, 'Contents')));
    const resources = get(refOf(page.dict, 'Resources')).dict;
    const fonts = new Map<string, Map<string, string>>();
    for (const f of (/\/Font <<([^>]*)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const fontRef = Number(f[2]);
      if (!cmaps.has(fontRef)) cmaps.set(fontRef, toUnicode(streamText(get(refOf(get(fontRef).dict, 'ToUnicode')))));
      fonts.set(f[1] ?? '', cmaps.get(fontRef) ?? new Map());
    }
    const runs = textRuns(content, fonts, mediaBox[3] ?? 0);
    return { mediaBox, runs, content, text: collapse(runs.map((r) => r.text).join('\n')) };
  });
  const external = pdftotextPages(pdf);
  if (external) {
    if (external.length !== pages.length) throw new Error('pdftotext sees a different page count');
    pages.forEach((p, i) => (p.text = collapse(external[i] ?? '')));
  }
  return pages;
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\n/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('\nendobj', start);
    const streamAt = raw.indexOf('\nstream\n', start);
    if (streamAt !== -1 && streamAt < end) {
      const dict = raw.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const dataStart = streamAt + '\nstream\n'.length;
      objects.set(Number(m[1]), { dict, stream: pdf.subarray(dataStart, dataStart + length) });
      head.lastIndex = raw.indexOf('\nendobj', dataStart + length);
    } else {
      objects.set(Number(m[1]), { dict: raw.slice(start, end), stream: null });
      head.lastIndex = end;
    }
  }
  return objects;
}

function refOf(dict: string, key: string): number {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  if (!m) throw new Error(`/${key} not found in ${dict.slice(0, 80)}`);
  return Number(m[1]);
}

function streamText(o: PdfObject): string {
  if (!o.stream) return '';
  const data = /\/Filter \/FlateDecode/.test(o.dict) ? inflateSync(o.stream) : o.stream;
  return data.toString('latin1');
}

function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const hexToText = (hex: string) => {
    const clean = hex.replace(/\s+/g, '');
    const units: number[] = [];
    for (let i = 0; i < clean.length; i += 4) units.push(parseInt(clean.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const line of (block[1] ?? '').matchAll(/<(\w+)>\s*<(\w+)>\s*(\[[^\]]*\]|<[^>]*>)/g)) {
      const from = parseInt(line[1] ?? '0', 16);
      const to = parseInt(line[2] ?? '0', 16);
      const target = line[3] ?? '';
      if (target.startsWith('[')) {
        [...target.matchAll(/<([^>]*)>/g)].forEach((t, i) => map.set(hex4(from + i), hexToText(t[1] ?? '')));
      } else {
        const base = parseInt(target.slice(1, -1), 16);
        for (let c = from; c <= to; c++) map.set(hex4(c), String.fromCharCode(base + c - from));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of (block[1] ?? '').matchAll(/<(\w+)>\s*<([^>]*)>/g)) {
      map.set((pair[1] ?? '').toLowerCase().padStart(4, '0'), hexToText(pair[2] ?? ''));
    }
  }
  return map;
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

function textRuns(content: string, fonts: Map<string, Map<string, string>>, pageHeight: number): TextRun[] {
  const runs: TextRun[] = [];
  let font = new Map<string, string>();
  let size = 0;
  let x = 0;
  let y = 0;
  const op = /(\S+) (\S+) Tf|[\d.-]+ [\d.-]+ [\d.-]+ [\d.-]+ ([\d.-]+) ([\d.-]+) Tm|\[([^\]]*)\] TJ|<([0-9a-f]*)> Tj/g;
  for (const m of content.matchAll(op)) {
    if (m[1] !== undefined) {
      font = fonts.get(m[1].slice(1)) ?? new Map();
      size = Number(m[2]);
    } else if (m[3] !== undefined) {
      x = Number(m[3]);
      y = pageHeight - Number(m[4]);
    } else {
      const hex = [...(m[5] ?? `<${m[6]}>`).matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1] ?? '').join('');
      let text = '';
      for (let i = 0; i < hex.length; i += 4) text += font.get(hex.slice(i, i + 4)) ?? '\uFFFD';
      runs.push({ text, x, y, size });
    }
  }
  return runs;
}

let pdftotext: boolean | undefined;

function pdftotextPages(pdf: Buffer): string[] | null {
  pdftotext ??= spawnSync('pdftotext', ['-v']).status === 0;
  if (!pdftotext) return null;
  const out = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
  const pages = out.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}
