import type { Plugin } from 'vite';

/**
 * Names the entry chunk `name` (src/boot.ts) in index.html before the main script, as an async
 * module script: the browser runs it as soon as it has arrived, without waiting for the main
 * script to download and compile. The main script imports it too (so it runs once, even where
 * this tag were missing); its modulepreload link and this tag share one download.
 */
export function earlyEntry(name: string): Plugin {
  return {
    name: 'early-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.isEntry && output.name === name,
        );
        if (!chunk) throw new Error(`early-entry: the build has no entry chunk named ${name}`);
        return [
          {
            tag: 'script',
            attrs: { type: 'module', async: true, crossorigin: true, src: `/${chunk.fileName}` },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}
