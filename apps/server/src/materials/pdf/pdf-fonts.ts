import { readFileSync } from 'node:fs';
import { FONTS } from '../../files/fonts.ts';

// Read once per process: the server prints materials for tens of thousands of schools.
const FONT_DATA = {
  regular: readFileSync(FONTS.regular),
  bold: readFileSync(FONTS.bold),
  mono: readFileSync(FONTS.mono),
};

export type FontName = keyof typeof FONT_DATA;

export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, data] of Object.entries(FONT_DATA)) doc.registerFont(name, data);
}

/** The parts of pdfkit's EmbeddedFont, and of the fontkit font inside it, that font sharing relies on. */
interface EmbeddedFont {
  font: ParsedFont;
  subset: unknown;
}

interface ParsedFont {
  createSubset(): unknown;
  characterSet: number[];
  glyphForCodePoint(codePoint: number): unknown;
}

const parsed = new Map<FontName, ParsedFont>();

/**
 * Selects a registered font, sharing one parsed copy of it between documents.
 *
 * pdfkit parses the font file again for every document, and decoding DejaVu's kern, GSUB, loca and hmtx tables
 * was most of the time of a small PDF (a variant took ~300 ms instead of ~20 ms). A parsed fontkit font changes
 * only its caches, so the first document's parse is handed to every later one; the glyph subset that gets
 * embedded stays per document. This leans on two EmbeddedFont fields; should pdfkit rename them, each document
 * simply keeps its own parse: slower, still correct.
 */
export function useFont(doc: PDFKit.PDFDocument, name: FontName): void {
  doc.font(name);
  const embedded = (doc as unknown as { _font?: unknown })._font;
  if (!isEmbeddedFont(embedded)) return;
  const shared = parsed.get(name);
  if (!shared) parsed.set(name, warmed(embedded.font));
  else if (embedded.font !== shared) {
    embedded.font = shared;
    embedded.subset = shared.createSubset();
  }
}

/*
 * fontkit caches a glyph with the characters it was first reached by. Subsetting reaches the parts of composite
 * glyphs (ь inside ы) by id alone, so in a shared font a later document would find «ь» cached with no character
 * and write an empty ToUnicode entry: the letter would vanish from copied or searched text. Creating every mapped
 * glyph from its character up front (~20 ms once per process) rules that out.
 */
function warmed(font: ParsedFont): ParsedFont {
  for (const codePoint of font.characterSet) {
    if (!isPresentationForm(codePoint)) font.glyphForCodePoint(codePoint);
  }
  return font;
}

/** Ligatures such as «ﬁ» are what shaping makes of ordinary letters; left alone they keep the letters (f, i). */
function isPresentationForm(codePoint: number): boolean {
  return (codePoint >= 0xfb00 && codePoint <= 0xfdff) || (codePoint >= 0xfe70 && codePoint <= 0xfeff);
}

function isEmbeddedFont(value: unknown): value is EmbeddedFont {
  if (typeof value !== 'object' || value === null || !('font' in value) || !('subset' in value)) return false;
  const font: unknown = value.font;
  return (
    typeof font === 'object' &&
    font !== null &&
    'createSubset' in font &&
    typeof font.createSubset === 'function' &&
    'glyphForCodePoint' in font &&
    typeof font.glyphForCodePoint === 'function' &&
    'characterSet' in font &&
    Array.isArray(font.characterSet)
  );
}
