import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Text of each page, extracted by pdfjs (Mozilla's PDF reader) the way a reader's search would find it. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const output = execFileSync(process.execPath, [join(__dirname, 'extract-pdf-text.mjs')], {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output.toString('utf8')) as string[];
}
