import { readFileSync } from 'node:fs';

/** IPAex Gothic (Debian's fonts-ipaexfont): JIS X 0208 plus the IBM/NEC extensions, so 髙 and 﨑 print. */
export const DEFAULT_REPORT_FONT_PATH = '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf';
export const REPORT_FONT_PACKAGE = 'fonts-ipaexfont';

export class ReportFontMissingError extends Error {
  readonly code = 'REPORT_FONT_MISSING';

  constructor(readonly path: string, cause: unknown) {
    super(
      `Japanese font for the PDF report not found at ${path}. Install Debian's package ${REPORT_FONT_PACKAGE} ` +
        `(apt-get install -y ${REPORT_FONT_PACKAGE}) or set REPORT_FONT_PATH to a TrueType font with Japanese glyphs.`,
      { cause },
    );
  }
}

/** Option, then REPORT_FONT_PATH, then the Debian package's path. */
export const reportFontPath = (option?: string): string => option ?? process.env.REPORT_FONT_PATH ?? DEFAULT_REPORT_FONT_PATH;

/** Read once per path: the font is 6 MB and every report uses the same one. */
const cache = new Map<string, Buffer>();

export function loadReportFont(path: string): Buffer {
  const cached = cache.get(path);
  if (cached) return cached;
  let font: Buffer;
  try {
    font = readFileSync(path);
  } catch (error) {
    throw new ReportFontMissingError(path, error);
  }
  cache.set(path, font);
  return font;
}
