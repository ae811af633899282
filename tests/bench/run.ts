import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './support/fixture-store';
import { Figure, loadNow, markdownTable } from './support/report';
import { commandsScenario } from './scenarios/commands';
import { councilQueueWebScenario } from './scenarios/council-queue-web';
import { nationwideScenario } from './scenarios/nationwide';
import { publishedReportScenario } from './scenarios/published-report';
import { reminderFanoutScenario } from './scenarios/reminder-fanout';
import { rebuildAndMemoryScenario } from './scenarios/rebuild-and-memory';
import { backupRestoreScenario } from './scenarios/backup-restore';
import { transparencyScenario } from './scenarios/transparency';
import { benchContext, BenchContext } from './scenarios/context';

/**
 * npm run bench [-- --only=1,3 --quick --fresh --profile]
 * Runs the scenarios of issue 6 against the API in its own process and prints the table that
 * bench/results.json also holds. --fresh regenerates cached fixture stores; --profile writes
 * CPU profiles of the API children into bench/profiles.
 */
const SCENARIOS: Array<{ id: string; name: string; run: (ctx: BenchContext) => Promise<Figure[]> }> = [
  { id: '1', name: 'commands', run: commandsScenario },
  { id: '2', name: 'projection rebuild and API memory (scenarios 2 and 5)', run: rebuildAndMemoryScenario },
  { id: '3', name: 'published report, FY R4 reference data', run: publishedReportScenario },
  { id: '3n', name: 'nationwide summary', run: nationwideScenario },
  { id: '4', name: 'reminder fan-out', run: reminderFanoutScenario },
  { id: '15', name: 'backup of 1,000,000 events while commands are served; restore + verify + rebuild', run: backupRestoreScenario },
  { id: '11', name: 'council queue in Chromium (500 items): time until usable, first screen bytes', run: councilQueueWebScenario },
  { id: '13', name: 'transparency log: added cost per command, verify 1,000,000 events', run: transparencyScenario },
];

/** main.ts reads .env for unset variables: an EVENTSTORE_URL there would move the API off the embedded store. */
function assertEmbeddedStore(): void {
  const envFile = join(ROOT, '.env');
  if (existsSync(envFile) && /^\s*EVENTSTORE_URL\s*=\s*\S/m.test(readFileSync(envFile, 'utf8'))) {
    throw new Error('.env sets EVENTSTORE_URL; the bench measures the embedded SQLite default — remove it from .env for the run');
  }
}

/** The API and worker children run the compiled build, as `npm start`, `npm run start:worker` and the Docker image do (and the CLI, as `npm run cli`): built fresh for every run. */
function buildApps(): void {
  for (const app of ['api', 'worker', 'cli']) execFileSync(process.execPath, [join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build', app], { cwd: ROOT, stdio: 'inherit' });
}

async function main(): Promise<void> {
  assertEmbeddedStore();
  buildApps();
  const args = process.argv.slice(2);
  const flag = (name: string) => args.includes(`--${name}`);
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const root = mkdtempSync(join(tmpdir(), 'pdca-bench-'));
  const profileDir = flag('profile') ? join(ROOT, 'bench', 'profiles') : undefined;
  const figures: Figure[] = [];
  const ctx = benchContext(root, { quick: flag('quick'), useCache: !flag('fresh'), profileDir, earlier: figures });
  const started = Date.now();
  try {
    for (const scenario of SCENARIOS.filter((s) => !only || only.includes(s.id))) {
      ctx.log(`scenario ${scenario.id}: ${scenario.name}`);
      // A figure without its own load reading gets the load at the end of its scenario.
      figures.push(...(await scenario.run(ctx)).map((figure) => ({ ...figure, load: figure.load ?? loadNow() })));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const machine = { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}` };
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify({ ranAt: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000), quick: ctx.quick, machine, figures }, null, 2));
  process.stdout.write(`\n${markdownTable(figures)}\n\nMachine: ${machine.nproc} cores, ${machine.cpu}, Node ${machine.node}; ${Math.round((Date.now() - started) / 1000)} s.\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
