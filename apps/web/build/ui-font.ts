import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import type { Plugin } from 'vite';
import { filesUnder } from './files-under';

/**
 * The first screen's font: one small WOFF2 of BIZ UDPGothic holding every character the app's own
 * text uses (its messages, in its sources) and the characters any Japanese text is mostly made of
 * (ASCII, kana, Japanese punctuation, full-width forms), built from the full font at build time.
 * Its @font-face is declared after fontsource's unicode-range slices under the same family name,
 * so the browser checks it first (CSS Fonts 4: of overlapping faces, the last rule wins) and
 * downloads one file for the app's chrome instead of the 26–30 slices its characters are spread
 * over; a character outside it (a kanji of a project's name) still comes from its slice.
 */
export const UI_FONT_MODULE = 'virtual:ui-font.css';

const FULL_FONT = '@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf';

/**
 * Code point blocks always in: ASCII, CJK punctuation, kana, full-width ASCII forms; and the spaces
 * and invisible marks that Intl's formatting inserts (no-break and thin spaces, bidi isolates around
 * formatted values), which would otherwise fetch fontsource's 28 KB latin slice for nothing visible.
 */
const BLOCKS: Array<[number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0xa0],
  [0x2000, 0x200f],
  [0x2028, 0x202f],
  [0x2060, 0x206f],
  [0x3000, 0x303f],
  [0x3041, 0x3096],
  [0x309b, 0x30ff],
  [0xff01, 0xff5e],
];

/** Every character of the given sources and blocks, sorted (the same text gives the same font). */
export function uiCodePoints(sources: string[]): number[] {
  const points = new Set<number>();
  for (const [from, to] of BLOCKS) for (let p = from; p <= to; p++) points.add(p);
  for (const file of sources.flatMap(filesUnder).filter((name) => /\.(tsx?|html)$/.test(name))) {
    for (const char of readFileSync(file, 'utf8')) {
      const point = char.codePointAt(0)!;
      if (point > 0x7e) points.add(point);
    }
  }
  return [...points].sort((a, b) => a - b);
}

/** `U+20-7E, U+3000-303F, …`: the face's unicode-range, consecutive code points as one range. */
export function unicodeRange(points: number[]): string {
  const ranges: string[] = [];
  const hex = (p: number) => p.toString(16).toUpperCase();
  for (let i = 0; i < points.length; i++) {
    const start = points[i];
    while (points[i + 1] === points[i] + 1) i++;
    ranges.push(points[i] === start ? `U+${hex(start)}` : `U+${hex(start)}-${hex(points[i])}`);
  }
  return ranges.join(', ');
}

/**
 * Vite plugin: `import 'virtual:ui-font.css'` (after fontsource's CSS) brings the subset's
 * @font-face. The subset takes a few seconds; it is kept in node_modules/.cache by the hash of its
 * characters, so a rebuild with the same text reuses it.
 */
export function uiFont(options: { root: string; sources: string[] }): Plugin {
  const cacheDir = join(options.root, 'node_modules/.cache/pdca-web-ui-font');
  let cssFile = '';
  return {
    name: 'ui-font',
    enforce: 'pre',
    async buildStart() {
      const points = uiCodePoints(options.sources);
      const text = String.fromCodePoint(...points);
      const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
      const fontName = `biz-udpgothic-ui-${hash}.woff2`;
      cssFile = join(cacheDir, `ui-font-${hash}.css`);
      mkdirSync(cacheDir, { recursive: true });
      if (!existsSync(join(cacheDir, fontName))) {
        const full = readFileSync(createRequire(import.meta.url).resolve(FULL_FONT));
        // No hinting (the slices have none either: ~7× smaller), no layout closure (no vertical
        // or alternate forms are drawn), no layout features beyond the font's defaults.
        const subset = await subsetFont(full, text, {
          targetFormat: 'woff2',
          noHinting: true,
          noLayoutClosure: true,
          keepFeatures: [],
        });
        writeFileSync(join(cacheDir, fontName), subset);
      }
      // The installed font, declared last so that it is tried first for every character (CSS Fonts 4:
      // of overlapping faces, the last rule wins): a PC with it (Windows 10 and later) downloads
      // nothing; elsewhere it is looked up once, fails, and the subset and the slices are used.
      const face = (src: string, range: string) =>
        `@font-face {\n  font-family: 'BIZ UDPGothic';\n  font-style: normal;\n  font-display: swap;\n  font-weight: 400;\n` +
        `  src: ${src};${range}\n}\n`;
      writeFileSync(
        cssFile,
        face(`url('./${fontName}') format('woff2')`, `\n  unicode-range: ${unicodeRange(points)};`) +
          face("local('BIZ UDPGothic'), local('BIZUDPGothic')", ''),
      );
    },
    resolveId(id) {
      return id === UI_FONT_MODULE ? cssFile : null;
    },
  };
}
