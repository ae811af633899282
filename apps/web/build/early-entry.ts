import type { Plugin } from 'vite';

const MAIN_SCRIPT = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/;

/**
 * Makes the entry chunk `name` (src/boot.ts) index.html's first and only script, as an async module
 * script that runs as soon as it has arrived. The main script becomes a modulepreload link marked
 * `data-app` (downloaded and compiled meanwhile, not run): boot.ts imports it once the screen's
 * first requests are out, so that React's modules (one long task) do not run before them.
 */
export function earlyEntry(name: string): Plugin {
  return {
    name: 'early-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.isEntry && output.name === name,
        );
        if (!chunk) throw new Error(`early-entry: the build has no entry chunk named ${name}`);
        const main = MAIN_SCRIPT.exec(html);
        if (!main) throw new Error('early-entry: index.html has no main module script');
        return html
          .replace(main[0], '')
          .replace(
            '<head>',
            `<head>\n    <link rel="modulepreload" crossorigin href="${main[1]}" data-app>` +
              `\n    <script type="module" async crossorigin src="/${chunk.fileName}"></script>`,
          );
      },
    },
  };
}
