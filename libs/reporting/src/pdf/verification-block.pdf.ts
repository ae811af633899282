import type { VerificationBlock } from '../layout/verification-block';
import { CONTENT_WIDTH, PAGE, PdfCursor } from './pdf-page';

const SIZE = 9;
const LABEL_WIDTH = 96;

/** report-template/5: 検証用情報 under 公表情報, its heading, a sentence or two, then label and value lines. */
export function drawVerificationBlock(cursor: PdfCursor, block: VerificationBlock): void {
  cursor.heading(block.heading, 11);
  cursor.paragraph(block.lead, SIZE);
  cursor.y += 2;
  const valueWidth = CONTENT_WIDTH - LABEL_WIDTH;
  for (const [label, value] of block.entries) {
    const height = Math.max(cursor.textHeight(label, SIZE, LABEL_WIDTH), cursor.textHeight(value, SIZE, valueWidth));
    cursor.ensure(height);
    cursor.write(label, PAGE.margin, cursor.y, { size: SIZE, width: LABEL_WIDTH, height });
    cursor.write(value, PAGE.margin + LABEL_WIDTH, cursor.y, { size: SIZE, width: valueWidth, height });
    cursor.y += height + 3;
  }
}
