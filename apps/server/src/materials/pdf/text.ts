import type { FontName } from './pdf-fonts.ts';
import { useFont } from './pdf-fonts.ts';

export interface TextStyle {
  font: FontName;
  size: number;
  color?: string;
  /** Extra space between lines, in points. */
  gap?: number;
}

export type Align = 'left' | 'center' | 'right';

export function useStyle(doc: PDFKit.PDFDocument, style: TextStyle): PDFKit.PDFDocument {
  useFont(doc, style.font);
  return doc.fontSize(style.size).fillColor(style.color ?? '#000');
}

export function lineHeight(doc: PDFKit.PDFDocument, style: TextStyle): number {
  useStyle(doc, style);
  return doc.currentLineHeight(true) + (style.gap ?? 0);
}

/**
 * Breaks text into lines that fit the width, keeping the author's line breaks; a word longer than the width is
 * cut by characters. Layout is done here rather than by pdfkit so every caller knows the exact lines and can
 * move whole lines to the next page instead of letting pdfkit split a block at an arbitrary place.
 */
export function wrapLines(doc: PDFKit.PDFDocument, style: TextStyle, text: string, width: number): string[] {
  useStyle(doc, style);
  const space = doc.widthOfString(' ');
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      for (const piece of splitLongWord(doc, word, width)) {
        const pieceWidth = doc.widthOfString(piece);
        if (line !== '' && lineWidth + space + pieceWidth > width) {
          lines.push(line);
          line = '';
          lineWidth = 0;
        }
        line = line === '' ? piece : `${line} ${piece}`;
        lineWidth = line === piece ? pieceWidth : lineWidth + space + pieceWidth;
      }
    }
    lines.push(line);
  }
  return lines;
}

function splitLongWord(doc: PDFKit.PDFDocument, word: string, width: number): string[] {
  if (doc.widthOfString(word) <= width) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && doc.widthOfString(piece + char) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** One line that must not wrap (a name, a title in a cell): shortened with «…» when too wide. */
export function fitLine(doc: PDFKit.PDFDocument, style: TextStyle, text: string, width: number): string {
  useStyle(doc, style);
  const flat = text.replace(/\s+/g, ' ').trim();
  if (doc.widthOfString(flat) <= width) return flat;
  let cut = flat;
  while (cut.length > 0 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** At most `maxLines` lines; the last one ends with «…» when the text is longer. */
export function clampLines(
  doc: PDFKit.PDFDocument,
  style: TextStyle,
  text: string,
  width: number,
  maxLines: number,
): string[] {
  const lines = wrapLines(doc, style, text.replace(/\s+/g, ' ').trim(), width);
  if (lines.length <= maxLines) return lines;
  // The rest is at least two lines long, so fitLine always shortens it and adds «…».
  return [...lines.slice(0, maxLines - 1), fitLine(doc, style, lines.slice(maxLines - 1).join(' '), width)];
}

export interface Placement {
  x: number;
  /** Top of the (first) line box. */
  y: number;
  /** Box to align in; 0 means the text just starts at x. */
  width?: number;
  align?: Align;
  /** Distance between lines when several styles share a row; defaults to the style's own. */
  lineHeight?: number;
}

/** Draws one line; never wraps and never adds a page. */
export function drawLine(doc: PDFKit.PDFDocument, style: TextStyle, text: string, at: Placement): void {
  useStyle(doc, style);
  if (text === '') return;
  const free = (at.width ?? 0) - doc.widthOfString(text);
  const align = at.align ?? 'left';
  const dx = align === 'left' || free <= 0 ? 0 : align === 'center' ? free / 2 : free;
  doc.text(text, at.x + dx, at.y, { lineBreak: false });
}

/** Draws lines one under another and returns the height they took. */
export function drawLines(doc: PDFKit.PDFDocument, style: TextStyle, lines: string[], at: Placement): number {
  const lh = at.lineHeight ?? lineHeight(doc, style);
  lines.forEach((line, i) => drawLine(doc, style, line, { ...at, y: at.y + i * lh }));
  return lines.length * lh;
}
