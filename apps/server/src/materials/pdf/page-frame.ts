import { MARGIN } from './pdf-document.ts';
import type { TextStyle } from './text.ts';
import { drawLine, fitLine, useStyle } from './text.ts';
import type { MaterialsHeader } from './types.ts';

/** First line of content under the running header of variant and criteria pages. */
export const CONTENT_TOP = MARGIN + 66;

const CODE_CELLS = 6;
const CODE_CELL = 22;
const GREY = '#555';
const BIG: TextStyle = { font: 'bold', size: 18 };
const SUBJECT: TextStyle = { font: 'bold', size: 14 };
const LINE_TWO: TextStyle = { font: 'regular', size: 11 };
const LINE_TWO_BOLD: TextStyle = { font: 'bold', size: 11 };
const SMALL: TextStyle = { font: 'regular', size: 8, color: GREY };
const NOTICE: TextStyle = { font: 'bold', size: 9, color: '#a00000' };

export type HeaderCorner = { kind: 'code-box' } | { kind: 'organizer-notice' };

/**
 * «ВПР · subject», «N класс · <label>», the campaign, and on the right either the boxes where a participant
 * copies his code (variants: pages get separated, each must say whose it is) or the notice that the page is
 * not for participants (criteria).
 */
export function drawMaterialsHeader(
  doc: PDFKit.PDFDocument,
  pageWidth: number,
  h: MaterialsHeader,
  label: string,
  corner: HeaderCorner,
): void {
  const cornerWidth = corner.kind === 'code-box' ? drawCodeBox(doc, pageWidth) : drawOrganizerNotice(doc, pageWidth);
  const left = MARGIN;
  const textWidth = pageWidth - 2 * MARGIN - cornerWidth - 12;

  drawLine(doc, BIG, 'ВПР', { x: left, y: MARGIN - 2 });
  useStyle(doc, BIG);
  const afterBig = left + doc.widthOfString('ВПР') + 10;
  const subject = fitLine(doc, SUBJECT, h.subjectName, left + textWidth - afterBig);
  drawLine(doc, SUBJECT, subject, { x: afterBig, y: MARGIN + 2 });

  const grade = `${h.grade} класс · `;
  drawLine(doc, LINE_TWO, grade, { x: left, y: MARGIN + 24 });
  useStyle(doc, LINE_TWO);
  const gradeWidth = doc.widthOfString(grade);
  drawLine(doc, LINE_TWO_BOLD, fitLine(doc, LINE_TWO_BOLD, label, textWidth - gradeWidth), {
    x: left + gradeWidth,
    y: MARGIN + 24,
  });
  drawLine(doc, SMALL, fitLine(doc, SMALL, h.campaignTitle, textWidth), { x: left, y: MARGIN + 41 });

  doc
    .save()
    .lineWidth(0.8)
    .strokeColor('#000')
    .moveTo(MARGIN, MARGIN + 56)
    .lineTo(pageWidth - MARGIN, MARGIN + 56)
    .stroke()
    .restore();
}

function drawCodeBox(doc: PDFKit.PDFDocument, pageWidth: number): number {
  const width = CODE_CELLS * CODE_CELL;
  const x = pageWidth - MARGIN - width;
  drawLine(doc, { font: 'bold', size: 8 }, 'Код участника', { x, y: MARGIN - 2, width, align: 'center' });
  const y = MARGIN + 12;
  doc.save().lineWidth(1).strokeColor('#000');
  doc.rect(x, y, width, CODE_CELL);
  for (let i = 1; i < CODE_CELLS; i++) doc.moveTo(x + i * CODE_CELL, y).lineTo(x + i * CODE_CELL, y + CODE_CELL);
  doc.stroke().restore();
  return width;
}

function drawOrganizerNotice(doc: PDFKit.PDFDocument, pageWidth: number): number {
  const width = 160;
  const x = pageWidth - MARGIN - width;
  doc
    .save()
    .lineWidth(1.2)
    .strokeColor('#a00000')
    .rect(x, MARGIN - 2, width, 36)
    .stroke()
    .restore();
  drawLine(doc, NOTICE, 'Для организатора.', { x, y: MARGIN + 4, width, align: 'center' });
  drawLine(doc, NOTICE, 'Не выдавать участникам.', { x, y: MARGIN + 17, width, align: 'center' });
  return width;
}

/** «<login> · стр. N из M» under the content, where a loose sheet can still be put back in order. */
export function drawPageFooter(
  doc: PDFKit.PDFDocument,
  pageWidth: number,
  pageHeight: number,
  orgLogin: string,
  page: number,
  pages: number,
): void {
  drawLine(doc, SMALL, `${orgLogin} · стр. ${page} из ${pages}`, {
    x: MARGIN,
    y: pageHeight - MARGIN + 10,
    width: pageWidth - 2 * MARGIN,
    align: 'center',
  });
}
