import type { PageFlow } from './page-flow.ts';
import type { Align, TextStyle } from './text.ts';
import { drawLines, lineHeight, wrapLines } from './text.ts';

export interface TableColumn {
  title: string;
  width: number;
  align?: Align;
}

export interface TableLook {
  header: TextStyle;
  cell: TextStyle;
  padding: number;
  /** Blank rows meant for handwriting need height of their own, not of their (empty) text. */
  minRowHeight: number;
  valign: 'top' | 'middle';
}

export interface TableCell {
  text: string;
  style?: TextStyle;
}

/** A row taller than a page is split only where at least this many of its lines stay on the earlier page. */
const MIN_SPLIT_LINES = 3;
const HEADER_FILL = '#e6e6e6';
const RULE_COLOR = '#444';

/**
 * A ruled table that continues over pages: the header row is repeated on every page, a row moves to the next
 * page whole when it fits there, and only a row taller than a page is split, between lines.
 */
export class Table {
  readonly width: number;
  readonly headerHeight: number;
  private readonly headerLines: string[][];

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly flow: PageFlow,
    private readonly x: number,
    private readonly columns: TableColumn[],
    private readonly look: TableLook,
  ) {
    this.width = columns.reduce((sum, c) => sum + c.width, 0);
    this.headerLines = columns.map((c) => wrapLines(doc, look.header, c.title, c.width - 2 * look.padding));
    const most = Math.max(...this.headerLines.map((l) => l.length));
    this.headerHeight = 2 * look.padding + most * lineHeight(doc, look.header);
  }

  /** Header plus the first row (or its first lines): what must fit below a heading so it is not left alone. */
  startHeight(firstRow: TableCell[] | null): number {
    if (!firstRow) return this.headerHeight;
    const row = this.layRow(firstRow);
    return this.headerHeight + this.rowHeight(row, 0, Math.min(row.total, MIN_SPLIT_LINES));
  }

  begin(firstRow: TableCell[] | null): void {
    this.flow.ensure(this.startHeight(firstRow));
    this.drawHeader();
  }

  addRow(cells: TableCell[]): void {
    const row = this.layRow(cells);
    let from = 0;
    for (;;) {
      const need = this.rowHeight(row, from, row.total);
      if (need <= this.flow.remaining) {
        this.drawRow(row, from, row.total, need);
        return;
      }
      const fit = Math.floor((this.flow.remaining - 2 * this.look.padding) / row.lineHeight);
      const fitsFreshPage = from === 0 && need <= this.flow.capacity - this.headerHeight;
      if (!fitsFreshPage && fit >= MIN_SPLIT_LINES && row.total - from - fit >= 1) {
        this.drawRow(row, from, from + fit, this.rowHeight(row, from, from + fit));
        from += fit;
      }
      this.flow.newPage();
      this.drawHeader();
    }
  }

  private layRow(cells: TableCell[]) {
    const styles = this.columns.map((_, i) => cells[i]?.style ?? this.look.cell);
    const lines = this.columns.map((c, i) =>
      wrapLines(this.doc, styles[i] ?? this.look.cell, cells[i]?.text ?? '', c.width - 2 * this.look.padding),
    );
    const lh = Math.max(...styles.map((s) => lineHeight(this.doc, s)));
    return { styles, lines, lineHeight: lh, total: Math.max(1, ...lines.map((l) => l.length)) };
  }

  private rowHeight(row: { lineHeight: number }, from: number, to: number): number {
    return Math.max(this.look.minRowHeight, 2 * this.look.padding + (to - from) * row.lineHeight);
  }

  drawHeader(): void {
    const { doc, flow, look } = this;
    const y = flow.y;
    doc.save().rect(this.x, y, this.width, this.headerHeight).fill(HEADER_FILL).restore();
    this.strokeGrid(y, this.headerHeight);
    let x = this.x;
    this.columns.forEach((c, i) => {
      const lines = this.headerLines[i] ?? [];
      const lh = lineHeight(doc, look.header);
      const top = y + (this.headerHeight - lines.length * lh) / 2;
      drawLines(doc, look.header, lines, {
        x: x + look.padding,
        y: top,
        width: c.width - 2 * look.padding,
        align: 'center',
      });
      x += c.width;
    });
    flow.y += this.headerHeight;
  }

  private drawRow(row: ReturnType<Table['layRow']>, from: number, to: number, height: number): void {
    const { doc, flow, look } = this;
    const y = flow.y;
    this.strokeGrid(y, height);
    let x = this.x;
    this.columns.forEach((c, i) => {
      const style = row.styles[i] ?? look.cell;
      const all = row.lines[i] ?? [];
      // The rest of a split row repeats its key (the task number) so the piece on the new page is not anonymous.
      const lines = i === 0 && from > 0 ? all.slice(0, 1) : all.slice(from, to);
      const lh = look.valign === 'middle' ? lineHeight(doc, style) : row.lineHeight;
      const top = look.valign === 'middle' ? y + (height - lines.length * lh) / 2 : y + look.padding;
      drawLines(doc, style, lines, {
        x: x + look.padding,
        y: top,
        width: c.width - 2 * look.padding,
        align: c.align ?? 'left',
        lineHeight: lh,
      });
      x += c.width;
    });
    flow.y += height;
  }

  private strokeGrid(y: number, height: number): void {
    const { doc } = this;
    doc.save().lineWidth(0.6).strokeColor(RULE_COLOR);
    doc.rect(this.x, y, this.width, height);
    let x = this.x;
    for (const c of this.columns.slice(0, -1)) {
      x += c.width;
      doc.moveTo(x, y).lineTo(x, y + height);
    }
    doc.stroke().restore();
  }
}
