import { readFileSync } from 'node:fs';
import { create as openFont } from 'fontkit';
import { DomainError } from '@pdca/kernel';

/**
 * BIZ UDPGothic (Morisawa's universal-design gothic, SIL OFL), shipped as TrueType by the npm package
 * @expo-google-fonts/biz-udpgothic: `npm install` alone makes PDFs work, without root or apt.
 * It covers JIS X 0213 kanji such as 髙 and 﨑 (not 𠮷: see `printable`).
 */
export const REPORT_FONT_PACKAGE = '@expo-google-fonts/biz-udpgothic';
const PACKAGED_FONT = `${REPORT_FONT_PACKAGE}/400Regular/BIZUDPGothic_400Regular.ttf`;

/** Where the packaged font is; resolved when asked, so a missing package is a 503 on PDFs, not a failed start. */
export function defaultReportFontPath(): string {
  try {
    return require.resolve(PACKAGED_FONT);
  } catch {
    return `node_modules/${PACKAGED_FONT}`;
  }
}

/** Printed in place of a character the font lacks: 〓 (geta), the typesetter's mark for "this character could not be set". */
export const MISSING_GLYPH = '〓';

/** 503, never 500: the report exists, the service cannot draw it until the operator fixes the font. */
export class ReportFontMissingError extends DomainError {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(
      'REPORT_FONT_UNAVAILABLE',
      'unavailable',
      'PDF 用の日本語フォントを読み込めないため、PDF を作成できません。HTML・Excel・CSV 版はご利用いただけます。管理者はフォントの設定（REPORT_FONT_PATH）を確認してください。',
      'The Japanese font for PDF reports cannot be loaded, so no PDF can be made now (HTML, Excel and CSV work). ' +
        `Operators: check REPORT_FONT_PATH or reinstall ${REPORT_FONT_PACKAGE}.`,
    );
    // The path and the cause go to the server log (the filter logs 5xx stacks), not to the client.
    this.stack = `${this.stack}\n  font: ${path}\n  cause: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
}

/** Option, then REPORT_FONT_PATH, then the font shipped with the npm package. */
export const reportFontPath = (option?: string): string =>
  option || process.env.REPORT_FONT_PATH || defaultReportFontPath();

export interface ReportFont {
  bytes: Buffer;
  /** The text with every character the font has no glyph for replaced by 〓. */
  printable: (text: string) => string;
}

/** Read and checked once per path: the font is 4.5 MB and every report uses the same one. */
const cache = new Map<string, ReportFont>();

export function loadReportFont(path: string): ReportFont {
  const cached = cache.get(path);
  if (cached) return cached;
  let font: ReportFont;
  try {
    const bytes = readFileSync(path);
    const parsed = openFont(bytes);
    // A truncated or foreign file fails here (fontkit parses tables lazily), not halfway through a PDF.
    if (!parsed.hasGlyphForCodePoint(0x5831) || parsed.layout('報告書 髙﨑').glyphs.length === 0)
      throw new Error('the font has no Japanese glyphs');
    font = { bytes, printable: printableWith(parsed) };
  } catch (error) {
    throw new ReportFontMissingError(path, error);
  }
  cache.set(path, font);
  return font;
}

function printableWith(font: { hasGlyphForCodePoint(codePoint: number): boolean }) {
  const missing = new Map<number, boolean>(); // a report repeats the same few thousand characters
  const lacks = (codePoint: number) => {
    let answer = missing.get(codePoint);
    if (answer === undefined) missing.set(codePoint, (answer = !font.hasGlyphForCodePoint(codePoint)));
    return answer;
  };
  return (text: string): string => {
    let out = '';
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      // Controls (line breaks) and variation selectors are not drawn as glyphs of their own.
      const drawn =
        codePoint > 0x20 &&
        !(codePoint >= 0xfe00 && codePoint <= 0xfe0f) &&
        !(codePoint >= 0xe0100 && codePoint <= 0xe01ef);
      out += drawn && lacks(codePoint) ? MISSING_GLYPH : char;
    }
    return out;
  };
}
