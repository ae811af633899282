import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { emptyCatalogue } from '@pdca/catalogue';
import { ImportFile, parseImport, planImport } from '@pdca/importing';
import type { DemoData } from './demo-scenario';
import { DEMO_WARD_ID, planningOffice } from './demo-people';

const FIXTURE = join('tests', 'fixtures', 'nerima-fy2022');
const FILES = ['structure.csv', 'projects.csv', 'kpis.csv'];

/**
 * The FY R4 transcription of seed 002 (tests/fixtures/nerima-fy2022), the one reference data set of
 * the repository: found from the working directory or above this file (source or dist), so both
 * `npm run cli` and the tests find it. The Docker image has no demo: production starts empty.
 */
export function demoFixtureDir(): string {
  const candidates = [process.cwd(), ...ancestors(__dirname)].map((dir) => join(dir, FIXTURE));
  const found = candidates.find((dir) => existsSync(join(dir, FILES[0])));
  if (!found)
    throw new Error(
      `the demo's data (${FIXTURE}) was not found from ${process.cwd()}: run the command at the repository root`,
    );
  return found;
}

export function demoFiles(dir = demoFixtureDir()): ImportFile[] {
  return FILES.map((name) => ({ name, data: readFileSync(join(dir, name)) }));
}

/** Plans the import against an empty catalogue, exactly as the import's dry run does. */
export async function demoData(files: ImportFile[]): Promise<DemoData> {
  const plan = planImport(await parseImport(files), emptyCatalogue(), { wardId: DEMO_WARD_ID, actor: planningOffice });
  if (!plan.valid) throw new Error(`the demo's data does not import: ${JSON.stringify(plan.errors.slice(0, 3))}`);
  const commands = plan.catalogueCommands;
  return {
    records: plan.records,
    annualPlans: commands.flatMap((c) => (c.type === 'SetAnnualPlan' ? [c.data] : [])),
    sectionOrder: commands.flatMap((c) => (c.type === 'RegisterSection' ? [c.data.sectionId] : [])),
  };
}

function ancestors(dir: string): string[] {
  const all: string[] = [];
  for (let current = resolve(dir); dirname(current) !== current; current = dirname(current)) all.push(current);
  return all;
}
