import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

/** A4 landscape in points. Margins are kept here rather than in pdfkit so it never breaks pages by itself. */
export const PAGE = { width: 841.89, height: 595.28, margin: 36, footer: 22 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const INK = '#1a1a1a';

interface HeldHeading {
  text: string;
  size: number;
  height: number;
  placed?: () => void;
}

/** Where the next block goes; every block asks for its height first and starts a page when short. */
export class PdfCursor {
  y: number = PAGE.margin;
  /** Headings waiting for the block they head (keepWithNext). */
  private held: HeldHeading[] = [];

  /**
   * `printable` replaces characters the font lacks (e.g. 𠮷) by 〓 rather than the font's empty box.
   * `keepWithNext` (report-template/5): a heading waits for the block after it and goes on the page that
   * block starts on, and a table keeps its first and last rows company (pdf-table).
   */
  constructor(
    readonly doc: Doc,
    readonly fontName: string,
    readonly printable: (text: string) => string = (text) => text,
    readonly keepWithNext = false,
  ) {}

  get bottom(): number {
    return PAGE.height - PAGE.margin - PAGE.footer;
  }

  get pageHeight(): number {
    return this.bottom - PAGE.margin;
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
    this.y = PAGE.margin;
  }

  /**
   * Starts a page unless `height` (and the headings held for it) still fits; true when it did. Held
   * headings are then drawn, so they stand on the page where their block starts.
   */
  ensure(height: number): boolean {
    const held = this.held.reduce((sum, heading) => sum + heading.height + 6, 0);
    // An empty page is as good as it gets: a block taller than a page starts here rather than on a blank one.
    const atTop = this.keepWithNext && this.y === PAGE.margin;
    const broke = this.y + held + height > this.bottom && !atTop;
    if (broke) this.newPage();
    this.placeHeld();
    return broke;
  }

  /** `placed` runs once the heading is on its page (the 目次 and the outline record that page). */
  heading(text: string, size: number, placed?: () => void): void {
    const height = this.textHeight(text, size, CONTENT_WIDTH);
    if (this.keepWithNext) {
      this.held.push({ text, size, height, placed });
      return;
    }
    this.ensure(height + 60);
    this.drawHeading({ text, size, height, placed });
  }

  /** Draws the headings still held (a heading with no block after it, at the end of a document). */
  placeHeld(): void {
    const held = this.held;
    this.held = [];
    held.forEach((heading) => this.drawHeading(heading));
  }

  private drawHeading({ text, size, height, placed }: HeldHeading): void {
    this.write(text, PAGE.margin, this.y, { size, width: CONTENT_WIDTH });
    this.y += height + 6;
    placed?.();
  }

  paragraph(text: string, size: number): void {
    const height = this.textHeight(text, size, CONTENT_WIDTH);
    this.ensure(height);
    this.write(text, PAGE.margin, this.y, { size, width: CONTENT_WIDTH });
    this.y += height + 4;
  }

  textHeight(text: string, size: number, width: number): number {
    return this.doc
      .font(this.fontName)
      .fontSize(size)
      .heightOfString(this.printable(text) || ' ', { width });
  }

  /** Text boxed to a height, so pdfkit clips instead of adding a page of its own. */
  write(
    text: string,
    x: number,
    y: number,
    options: { size: number; width: number; height?: number; align?: 'left' | 'right' | 'center'; color?: string },
  ): void {
    this.doc
      .font(this.fontName)
      .fontSize(options.size)
      .fillColor(options.color ?? INK);
    this.doc.text(this.printable(text), x, y, {
      width: options.width,
      height: options.height ?? this.bottom + PAGE.footer - y,
      align: options.align ?? 'left',
      ellipsis: true,
    });
  }
}
