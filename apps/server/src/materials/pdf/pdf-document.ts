import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { FONTS } from '../../files/fonts.ts';

/*
 * Fonts are read once per process: the server prints materials for tens of thousands of schools and must not
 * go to the disk for 1.7 MB of TTF per document. pdfkit embeds only the glyphs a document uses.
 */
const FONT_DATA = {
  regular: readFileSync(FONTS.regular),
  bold: readFileSync(FONTS.bold),
  mono: readFileSync(FONTS.mono),
};

export type FontName = keyof typeof FONT_DATA;

export const MARGIN = 40;

export interface SheetOptions {
  title: string;
  landscape?: boolean;
}

export interface Sheet {
  doc: PDFKit.PDFDocument;
  width: number;
  height: number;
  /** Draws running headers/footers on every page once the page count is known, then ends the document. */
  finish(stamp?: (pageNumber: number, pageCount: number) => void): Promise<Buffer>;
}

/**
 * An A4 document laid out by absolute coordinates (margin 0, so pdfkit never starts a page on its own),
 * with pages kept in memory until the end so «стр. N из M» can be written on each of them.
 */
export function openSheet(options: SheetOptions): Sheet {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.landscape ? 'landscape' : 'portrait',
    margin: 0,
    bufferPages: true,
    // A buffer as the default font spares pdfkit reading and parsing Helvetica's AFM for every document.
    font: FONT_DATA.regular as unknown as string,
    info: { Title: options.title, Author: 'ОКО' },
  });
  for (const [name, data] of Object.entries(FONT_DATA)) doc.registerFont(name, data);
  if (process.env.SHARE_FONTS) shareFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    width: doc.page.width,
    height: doc.page.height,
    finish(stamp) {
      if (stamp) {
        const { start, count } = doc.bufferedPageRange();
        for (let i = start; i < start + count; i++) {
          doc.switchToPage(i);
          stamp(i - start + 1, count);
        }
      }
      doc.end();
      return done;
    },
  };
}

import { createRequire } from 'node:module';
const req = createRequire(import.meta.url);
const fontkit = req('fontkit') as { create(b: Buffer): { createSubset(): unknown } };
const SHARED = Object.fromEntries(Object.entries(FONT_DATA).map(([k, v]) => [k, fontkit.create(v)]));
function shareFonts(doc: PDFKit.PDFDocument) {
  for (const name of Object.keys(FONT_DATA)) {
    doc.font(name);
    const embedded = (doc as unknown as { _font: { font: unknown; subset: unknown } })._font;
    const shared = SHARED[name]!;
    embedded.font = shared;
    embedded.subset = shared.createSubset();
  }
  doc.font('regular');
}
