import { buildReportModel, summariesOf } from '@pdca/projections';
import { ProjectingSink } from '../support/event-sink';
import { Inspector } from '../support/inspector';
import { timeRuns } from '../support/stats';
import { WardShape, writeWard } from '../support/synthetic-ward';

export const MUNICIPALITIES = Number(process.env.BENCH_MUNICIPALITIES ?? 1_741);
const FISCAL_YEAR = 2022;
const SHAPE: Omit<WardShape, 'wardId'> = { projects: 400, sections: 40, kpis: 0, fiscalYears: [FISCAL_YEAR], annualPlans: true, stage: 'submitted' };

/**
 * Child process of scenario 3b (its own heap): projects a nationwide data set — 1,741 municipalities ×
 * 400 projects, one fiscal year, every project submitted and rated — into the read models, then times
 * the nationwide summary with the product's own summariesOf (every municipality's summary table and
 * the national total), and, for comparison, every municipality's whole report model.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const sink = new ProjectingSink();
  const wardIds = Array.from({ length: MUNICIPALITIES }, (_, i) => `muni_${String(i + 1).padStart(4, '0')}`);
  wardIds.forEach((wardId) => writeWard(sink, { wardId, ...SHAPE }));
  const loadSeconds = (performance.now() - started) / 1000;
  let totals: Record<string, number> = {};
  const nationwide = () => {
    totals = summariesOf(sink.models, FISCAL_YEAR).total;
  };
  const summary = process.env.BENCH_PROFILE
    ? await Inspector.self().profile(process.env.BENCH_PROFILE, () => timeRuns(nationwide, 5, 1))
    : await timeRuns(nationwide, 5, 1);
  const allTables = await timeRuns(() => wardIds.forEach((wardId) => buildReportModel(sink.models.wards.get(wardId)!, wardId, FISCAL_YEAR)), 1, 0);
  const middle = wardIds[Math.floor(wardIds.length / 2)];
  const one = await timeRuns(() => buildReportModel(sink.models.wards.get(middle)!, middle, FISCAL_YEAR), 50, 5);
  process.stdout.write(JSON.stringify({ events: sink.position, loadSeconds, summary, allTables, one, totals, heapMb: process.memoryUsage().heapUsed / 1_048_576 }));
}

void main();
