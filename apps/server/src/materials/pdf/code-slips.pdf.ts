import { MARGIN, openSheet } from './pdf-document.ts';
import type { TextStyle } from './text.ts';
import { clampLines, drawLine, drawLines, fitLine, lineHeight, useStyle } from './text.ts';
import { drawPageFooter } from './page-frame.ts';
import type { CodeSlipsInput } from './types.ts';

const COLUMNS = 3;
const ROWS = 10;
const PER_PAGE = COLUMNS * ROWS;
const GRID_TOP = MARGIN + 16;
const PAD = 6;
const HINT: TextStyle = { font: 'regular', size: 8, color: '#555' };
const CAPTION: TextStyle = { font: 'regular', size: 7, color: '#555' };
const CODE_SIZE = 24;
const META: TextStyle = { font: 'regular', size: 6.5, color: '#333' };

/**
 * Participant codes to print and cut apart, three by ten per page: each pupil gets the slip with his code and
 * copies it onto every page of his work. No names: the school keeps code ↔ name on its paper protocol.
 */
export async function renderCodeSlipsPdf(input: CodeSlipsInput): Promise<Buffer> {
  const sheet = openSheet({ title: `Коды участников ВПР, ${input.grade} класс, ${input.orgLogin}` });
  const { doc, width, height } = sheet;
  const slipWidth = (width - 2 * MARGIN) / COLUMNS;
  const slipHeight = (height - MARGIN - GRID_TOP) / ROWS;
  const meta = clampLines(
    doc,
    META,
    `${input.campaignTitle} · ${input.grade} класс · ${input.orgLogin}`,
    slipWidth - 2 * PAD,
    2,
  );

  const pages = Math.max(1, Math.ceil(input.codes.length / PER_PAGE));
  for (let page = 0; page < pages; page++) {
    if (page > 0) doc.addPage();
    const codes = input.codes.slice(page * PER_PAGE, (page + 1) * PER_PAGE);
    drawHint(doc, width, input.orgName);
    if (codes.length === 0) {
      drawLine(doc, HINT, 'Нет кодов участников.', { x: MARGIN, y: GRID_TOP + 8 });
      continue;
    }
    drawCutLines(doc, slipWidth, slipHeight, Math.ceil(codes.length / COLUMNS));
    codes.forEach((code, slot) => {
      const x = MARGIN + (slot % COLUMNS) * slipWidth;
      const y = GRID_TOP + Math.floor(slot / COLUMNS) * slipHeight;
      drawSlip(doc, code, meta, x, y, slipWidth, slipHeight);
    });
  }

  return sheet.finish((page, count) => drawPageFooter(doc, width, height, input.orgLogin, page, count));
}

function drawHint(doc: PDFKit.PDFDocument, pageWidth: number, orgName: string): void {
  const hint = '✂ Разрежьте по пунктиру';
  drawLine(doc, HINT, hint, { x: MARGIN, y: MARGIN - 2 });
  useStyle(doc, HINT);
  const rest = pageWidth - 2 * MARGIN - doc.widthOfString(hint) - 24;
  drawLine(doc, HINT, fitLine(doc, HINT, orgName, rest), {
    x: pageWidth - MARGIN - rest,
    y: MARGIN - 2,
    width: rest,
    align: 'right',
  });
}

function drawSlip(
  doc: PDFKit.PDFDocument,
  code: string,
  meta: string[],
  x: number,
  y: number,
  slipWidth: number,
  slipHeight: number,
): void {
  const inner = slipWidth - 2 * PAD;
  drawLine(doc, CAPTION, 'Код участника', { x: x + PAD, y: y + 5, width: inner, align: 'center' });
  // Long codes shrink rather than cross the cutting line.
  useStyle(doc, { font: 'mono', size: CODE_SIZE });
  const size = Math.min(CODE_SIZE, (CODE_SIZE * inner) / Math.max(1, doc.widthOfString(code)));
  const codeStyle: TextStyle = { font: 'mono', size };
  const codeTop = y + 15 + (CODE_SIZE - size) / 2;
  drawLine(doc, codeStyle, code, { x: x + PAD, y: codeTop, width: inner, align: 'center' });
  const metaHeight = meta.length * lineHeight(doc, META);
  drawLines(doc, META, meta, { x: x + PAD, y: y + slipHeight - 5 - metaHeight, width: inner, align: 'center' });
}

function drawCutLines(doc: PDFKit.PDFDocument, slipWidth: number, slipHeight: number, rows: number): void {
  const right = MARGIN + COLUMNS * slipWidth;
  const bottom = GRID_TOP + rows * slipHeight;
  doc.save().lineWidth(0.6).strokeColor('#777').dash(4, { space: 3 });
  for (let r = 0; r <= rows; r++) {
    const y = GRID_TOP + r * slipHeight;
    doc.moveTo(MARGIN, y).lineTo(right, y);
  }
  for (let c = 0; c <= COLUMNS; c++) {
    const x = MARGIN + c * slipWidth;
    doc.moveTo(x, GRID_TOP).lineTo(x, bottom);
  }
  doc.stroke().undash().restore();
}
