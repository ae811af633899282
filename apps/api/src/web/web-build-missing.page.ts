import { escapeHtml } from './escape-html';

/** What a web route shows when the web app was never built: the command that fixes it, in Japanese and English. */
export function webBuildMissingPage(distDir: string): string {
  return `<!doctype html>
<html lang="ja">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>画面が未作成です / Web app not built</title></head>
<body>
<main>
<h1>画面（Web アプリ）がまだ作成されていません</h1>
<p>リポジトリの最上位で <code>npm run build:web</code> を実行してから、このページを再読み込みしてください（API の再起動は不要です）。</p>
<h2 lang="en">The web app has not been built</h2>
<p lang="en">Run <code>npm run build:web</code> at the repository root, then reload this page (no restart needed).</p>
<p>参照先 / looked in: <code>${escapeHtml(distDir)}</code></p>
<p>API: <a href="/docs">/docs</a></p>
</main>
</body>
</html>
`;
}
