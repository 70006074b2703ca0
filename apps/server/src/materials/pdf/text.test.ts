import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { registerFonts } from './pdf-fonts.ts';
import type { TextStyle } from './text.ts';
import { clampLines, fitLine, useStyle, wrapLines } from './text.ts';

const style: TextStyle = { font: 'regular', size: 11 };

function doc(): PDFKit.PDFDocument {
  const d = new PDFDocument({ size: 'A4', font: '' });
  registerFonts(d);
  return d;
}

function width(d: PDFKit.PDFDocument, text: string): number {
  useStyle(d, style);
  return d.widthOfString(text);
}

describe('wrapLines', () => {
  it('fills lines up to the width and keeps every word in order', () => {
    const d = doc();
    const text = 'Прочитайте текст и спишите его, раскрывая скобки и вставляя пропущенные буквы. '.repeat(8).trim();
    const lines = wrapLines(d, style, text, 200);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(width(d, line)).toBeLessThanOrEqual(200);
    expect(lines.join(' ')).toBe(text);
    // Greedy: the next word would not have fitted on the line.
    for (let i = 0; i + 1 < lines.length; i++) {
      expect(width(d, `${lines[i]} ${lines[i + 1]?.split(' ')[0]}`)).toBeGreaterThan(200);
    }
  });

  it("keeps the author's line breaks and empty lines", () => {
    expect(wrapLines(doc(), style, 'один\r\n\r\nдва\nтри', 300)).toEqual(['один', '', 'два', 'три']);
  });

  it('cuts a word wider than the line by characters', () => {
    const d = doc();
    const long = 'Ж'.repeat(60);
    const lines = wrapLines(d, style, long, 100);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(long);
    for (const line of lines) expect(width(d, line)).toBeLessThanOrEqual(100);
  });
});

describe('fitLine and clampLines', () => {
  it('shortens with an ellipsis only when needed', () => {
    const d = doc();
    expect(fitLine(d, style, 'Русский  язык', 300)).toBe('Русский язык');
    const cut = fitLine(d, style, 'Муниципальное бюджетное общеобразовательное учреждение', 120);
    expect(cut.endsWith('…')).toBe(true);
    expect(width(d, cut)).toBeLessThanOrEqual(120);
  });

  it('keeps at most the given number of lines, the last one ending with an ellipsis', () => {
    const d = doc();
    const lines = clampLines(d, style, 'слово '.repeat(100), 150, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(clampLines(d, style, 'коротко', 150, 2)).toEqual(['коротко']);
  });
});
