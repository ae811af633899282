import ExcelJS from 'exceljs';
import request from 'supertest';
import type { ApiHarness } from '../support/api-harness';
import { registeredRoutes, Route } from '../support/registered-routes';
import { pdfPageTexts } from '../reporting/support/pdf-text';
import { rawBytes } from '../support/raw-bytes';

/** Values to put into each route parameter; every combination is requested. */
export type ParamSamples = Record<string, string[]>;

/** One answer of the sweep, its body as a reader would search it (cells of a workbook, text of a PDF). */
export interface SweptResponse {
  label: string;
  status: number;
  text: string;
}

/**
 * Every format and view switch the read routes know; a route that does not take one answers 400,
 * which is harmless here: the point is that no variant that does answer shows more than it should.
 */
export function queryVariants(positions: number[], at: string): string[] {
  return [
    '',
    '?format=json',
    '?format=csv',
    '?format=csv&table=kpis',
    '?format=csv&table=summary',
    '?format=html',
    '?format=xlsx',
    '?format=pdf',
    ...positions.flatMap((position) => [`?position=${position}`, `?position=${position}&format=csv`]),
    `?asOf=${encodeURIComponent(at)}`,
    `?asOf=${encodeURIComponent(at)}&format=html`,
    '?fiscalYear=2022',
    '?fiscalYear=2022&format=csv',
    '?sectionId=gakumu',
  ];
}

/** Every concrete path of a route pattern, with each parameter taken from the samples. */
export function concretePaths(route: Route, samples: ParamSamples): string[] {
  const names = [...route.path.matchAll(/[:*]([A-Za-z_]+)/g)].map((m) => m[1]);
  const missing = names.filter((name) => !samples[name]);
  if (missing.length > 0)
    throw new Error(`no sample value for ${missing.join(', ')} in ${route.path}: add it to the sweep's samples`);
  let paths = [route.path.replace(/[{}]/g, '')];
  for (const name of names) {
    paths = paths.flatMap((path) =>
      samples[name].map((value) => path.replace(new RegExp(`[:*]${name}(?![A-Za-z_])`), value)),
    );
  }
  return paths;
}

/** Requests every GET route the API registered, in every variant, as the given bearer (or as the public). */
export async function sweepGetRoutes(
  api: ApiHarness,
  bearer: string | undefined,
  samples: ParamSamples,
  queries: string[],
): Promise<SweptResponse[]> {
  const swept: SweptResponse[] = [];
  const gets = registeredRoutes(api).filter((route) => route.method === 'get');
  for (const path of gets.flatMap((route) => concretePaths(route, samples))) {
    for (const query of queries) {
      let call = request(api.app.getHttpServer())
        .get(path + query)
        .buffer(true)
        .parse(rawBytes);
      if (bearer) call = call.set('Authorization', `Bearer ${bearer}`);
      const response = await call;
      swept.push({
        label: `GET ${path}${query} → ${response.status}`,
        status: response.status,
        text: await searchableText(response.headers['content-type'] ?? '', response.body as Buffer),
      });
    }
  }
  return swept;
}

async function searchableText(contentType: string, body: Buffer): Promise<string> {
  if (contentType.includes('spreadsheetml')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as never);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))));
    return cells.join('\n');
  }
  // pdfjs splits text into runs and lines: search without any whitespace.
  if (contentType.includes('application/pdf')) return pdfPageTexts(body).join('').replace(/\s+/g, '');
  return body.toString('utf8');
}
