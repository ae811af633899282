// Prints the text of the PDF on stdin as a JSON array, one string per page.
// A separate process because pdfjs-dist ships as ES modules only, which jest's CommonJS runtime cannot load.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0, useSystemFonts: false })
  .promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const content = await (await pdf.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => item.str ?? '').join(''));
}
process.stdout.write(JSON.stringify(pages));
