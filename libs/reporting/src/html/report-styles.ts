/**
 * Inline so the page stands alone (archived, mailed, opened offline). Text is #1a1a1a on white or
 * on light tints (contrast above 12:1); 再掲 rows differ by tint and border and say 再掲 in words;
 * print is A4 landscape with a page break before each pillar and table headers repeated per page.
 */
export const REPORT_CSS = `
:root { color: #1a1a1a; background: #ffffff; font-family: "Hiragino Sans", "Noto Sans JP", "IPAexGothic", "Yu Gothic", "Meiryo", sans-serif; line-height: 1.6; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.35rem; border-bottom: 3px solid #1a1a1a; padding-bottom: 0.2rem; margin-top: 2.5rem; }
h3 { font-size: 1.15rem; border-left: 6px solid #1a1a1a; padding-left: 0.5rem; margin-top: 2rem; }
a { color: #0b4a8b; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #ffffff; padding: 0.5rem; border: 2px solid #1a1a1a; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.meta { margin: 0; }
.draft { border: 3px solid #1a1a1a; background: #fff3cd; padding: 0.5rem 1rem; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: 0.9rem; }
caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
th, td { border: 1px solid #5a5a5a; padding: 0.3rem 0.45rem; vertical-align: top; text-align: left; white-space: pre-line; overflow-wrap: anywhere; }
thead th { background: #dde6f0; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.group th { background: #eeeeee; font-weight: bold; }
tr.repost th, tr.repost td { background: #f4f1ea; }
tr.repost th { border-left: 4px double #1a1a1a; }
tr.breakdown th { padding-left: 1.5rem; }
tfoot th, tfoot td { font-weight: bold; border-top: 2px solid #1a1a1a; }
table.summary-table { width: auto; min-width: 60%; }
figure { margin: 1rem 0; }
figcaption { font-size: 0.9rem; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
footer { margin-top: 3rem; border-top: 3px solid #1a1a1a; }
.chain-table td:last-child { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  :root { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  nav, .skip { display: none; }
  section.pillar { break-before: page; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  tr, figure { break-inside: avoid; }
  h2, h3, caption { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
