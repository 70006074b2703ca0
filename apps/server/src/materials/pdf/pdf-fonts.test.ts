import { describe, expect, it } from 'vitest';
import { openSheet } from './pdf-document.ts';
import { inspectPdf } from './pdf-inspect.testing.ts';
import { drawLine } from './text.ts';

async function render(text: string): Promise<Buffer> {
  const sheet = openSheet({ title: 'проба' });
  drawLine(sheet.doc, { font: 'bold', size: 12 }, text, { x: 40, y: 40 });
  return sheet.finish();
}

describe('fonts shared between documents', () => {
  it('give later documents the same parsed font', async () => {
    const a = openSheet({ title: 'a' });
    const b = openSheet({ title: 'b' });
    drawLine(a.doc, { font: 'regular', size: 10 }, 'а', { x: 0, y: 0 });
    drawLine(b.doc, { font: 'regular', size: 10 }, 'б', { x: 0, y: 0 });
    const parsedFont = (doc: PDFKit.PDFDocument) => (doc as unknown as { _font: { font: unknown } })._font.font;
    expect(parsedFont(b.doc)).toBe(parsedFont(a.doc));
    await Promise.all([a.finish(), b.finish()]);
  });

  it('keep a letter searchable after an earlier document used it only inside another glyph', async () => {
    // «ы» is drawn from «ь»: embedding the first document reaches «ь» by glyph id alone.
    await render('ы');
    const [page] = inspectPdf(await render('выдавать участникам'));
    expect(page?.runs.map((r) => r.text)).toEqual(['выдавать участникам']);
  });

  it('keep ligatures as the letters they were made of', async () => {
    await render('ы');
    const [page] = inspectPdf(await render('office fiction'));
    expect(page?.runs.map((r) => r.text)).toEqual(['office fiction']);
  });

  it('stay correct for documents rendered concurrently', async () => {
    const words = ['Русский', 'Математика', 'История', 'Обществознание', 'География', 'Биология'];
    const pdfs = await Promise.all(words.map(render));
    pdfs.forEach((pdf, i) => expect(inspectPdf(pdf)[0]?.runs.map((r) => r.text)).toEqual([words[i]]));
  });
});
