import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig, Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Every browser we serve reads WOFF2; the WOFF fallbacks of fontsource's 240 @font-face rules
 * only doubled the first screen's CSS.
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
  plugins: [woff2Only(), tailwindcss()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { '^/(auth|wards|public|health|docs|admin)': 'http://localhost:3000' } },
});
