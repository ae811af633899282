import { fileURLToPath } from 'node:url';
import optimizeLocales from '@react-aria/optimize-locales-plugin';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig, Plugin } from 'vite';
import { earlyEntry } from './build/early-entry';
import { precompress } from './build/precompress';
import { uiFont } from './build/ui-font';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Every browser we serve reads WOFF2; the WOFF fallbacks of fontsource's @font-face rules only
 * doubled the first screen's CSS. The slices name no local() font: a PC with BIZ UDPGothic
 * installed takes it from one face of its own (build/ui-font.ts), and a local() in each of the
 * ~120 slices made Chromium look the font up for every slice, on the first layouts of every page
 * (a machine without it: layout 150–500 ms instead of 40–160 ms at load 15–18).
 */
function woff2Only(): Plugin {
  return {
    name: 'woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/].*\.css$/.test(id)) return null;
      return code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, '');
    },
  };
}

/**
 * No @vitejs/plugin-react: Vite's own transformer (oxc) compiles JSX with the automatic runtime,
 * and the plugin's Babel peer chain does not resolve beside this repo's jest. Fast refresh is
 * the only thing lost, and the dev server is not how this app is used.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [
    woff2Only(),
    // react-aria's own strings (table, dialog, select announcements) in the languages the app speaks, not 34;
    // en-US too, react-aria's fallback locale: without it the office's deadline field could not be
    // typed into (tests/web/office-path.test.ts).
    optimizeLocales.vite({ locales: ['ja-JP', 'en-GB', 'en-US'] }),
    // The text the app itself draws: its sources, and the rating schemes' names it imports.
    uiFont({
      root: fileURLToPath(new URL('../..', import.meta.url)),
      sources: [
        `${root}src`,
        `${root}index.html`,
        fileURLToPath(new URL('../../libs/review/src/schemes', import.meta.url)),
      ],
    }),
    tailwindcss(),
    // src/boot.ts, named in index.html before the main script: it asks for the session and the role's bundle first.
    earlyEntry('boot'),
    // `.br` and `.gz` beside every text file, served by the API to browsers that accept them.
    precompress(),
  ],
  // react-router's package exports point every bundler at its development build; use the production one.
  resolve: {
    alias: [
      {
        find: /^react-router$/,
        replacement: fileURLToPath(
          new URL('../../node_modules/react-router/dist/production/index.mjs', import.meta.url),
        ),
      },
    ],
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 400,
    rolldownOptions: { input: { index: `${root}index.html`, boot: `${root}src/boot.ts` } },
  },
  server: { proxy: { '^/(auth|wards|public|health|docs|admin)': 'http://localhost:3000' } },
});
