/**
 * Where the next block goes on the page, and the rule for moving on: a block that does not fit starts a new page.
 * Running headers and footers live outside [top, bottom] and are stamped when the document ends.
 */
export class PageFlow {
  y: number;
  private readonly onNewPage: () => void;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    readonly top: number,
    readonly bottom: number,
    onNewPage: () => void = () => {},
  ) {
    this.y = top;
    this.onNewPage = onNewPage;
  }

  get remaining(): number {
    return this.bottom - this.y;
  }

  get capacity(): number {
    return this.bottom - this.top;
  }

  get atTop(): boolean {
    return this.y <= this.top;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
    this.onNewPage();
  }

  /** Starts a new page unless `height` fits below the cursor (or the cursor is already at the top). */
  ensure(height: number): void {
    if (height > this.remaining && !this.atTop) this.newPage();
  }
}
