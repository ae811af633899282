/** The part of fontkit (pdfkit's own font engine) the report uses; fontkit ships no types. */
declare module 'fontkit' {
  interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): { glyphs: unknown[] };
  }
  export function create(buffer: Buffer): Font;
}
