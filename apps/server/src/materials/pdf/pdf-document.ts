import PDFDocument from 'pdfkit';
import { registerFonts } from './pdf-fonts.ts';

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
    // No default font: loading Helvetica's metrics costs ~4 ms per document and we never use it (pdfkit#1647).
    font: '',
    info: { Title: options.title, Author: 'ОКО' },
  });
  registerFonts(doc);
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
