import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

/** A4 landscape in points. Margins are kept here rather than in pdfkit so it never breaks pages by itself. */
export const PAGE = { width: 841.89, height: 595.28, margin: 36, footer: 22 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const INK = '#1a1a1a';

/** Where the next block goes; every block asks for its height first and starts a page when short. */
export class PdfCursor {
  y: number = PAGE.margin;

  /** `printable` replaces characters the font lacks (e.g. 𠮷) by 〓 rather than the font's empty box. */
  constructor(
    readonly doc: Doc,
    readonly fontName: string,
    readonly printable: (text: string) => string = (text) => text,
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

  /** Starts a page unless `height` still fits; true when it did. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  heading(text: string, size: number): void {
    const height = this.textHeight(text, size, CONTENT_WIDTH);
    this.ensure(height + 60);
    this.write(text, PAGE.margin, this.y, { size, width: CONTENT_WIDTH });
    this.y += height + 6;
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
