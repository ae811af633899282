import { join } from 'node:path';
import { ApiProcess } from '../support/api-process';
import { FixtureWriter } from '../support/fixture-writer';
import { runClosedLoop } from '../support/http-load';
import { FY_R4, NERIMA, REFERENCE_USERS, writeNerimaReference } from '../support/nerima-reference';
import type { Figure } from '../support/report';
import { formatNumber, summarize } from '../support/stats';
import { PASSWORD, writeUsersFile } from '../support/users';
import type { BenchContext } from './context';

/** Seed 002's summary table: what the published report must say. */
const REFERENCE = { 'A+': 21, A: 284, B: 33, '*': 34, '-': 11, total: 383, covid19: 4, town_development: 12, construction: 3, other: 14 };

/**
 * Scenario 3a: the FY R4 reference data (383 projects) closed and published through the API, then the
 * report read back over HTTP: the published version (public, no login) and the current report
 * (planning office). Each answer is the whole report: summary and every plan's KPI and project tables.
 */
export async function publishedReportScenario(ctx: BenchContext): Promise<Figure[]> {
  const dataDir = ctx.dir('reference');
  const writer = new FixtureWriter(join(dataDir, 'events.db'));
  const { records } = await writeNerimaReference(writer);
  writer.close();
  const usersFile = join(dataDir, 'users.json');
  writeUsersFile(usersFile, [{ username: REFERENCE_USERS.planner, role: 'planning_office', wardId: NERIMA }]);
  const api = await ApiProcess.start({ dataDir, usersFile, entry: 'build', inspect: ctx.profiling });
  try {
    const token = await api.login(REFERENCE_USERS.planner, PASSWORD);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const fy = `/wards/${NERIMA}/cycles/${FY_R4}`;
    for (const step of ['closing', 'publications']) {
      const response = await fetch(`${api.base}${fy}/${step}`, { method: 'POST', headers, body: '{}' });
      if (response.status !== 200) throw new Error(`${step}: ${response.status} ${await response.text()}`);
    }
    const published = (await (await fetch(`${api.base}/public/wards/${NERIMA}/reports/${FY_R4}`)).json()) as { model: { summary: Parameters<typeof summaryCounts>[0] } };
    const counts = summaryCounts(published.model.summary);
    const matches = Object.entries(REFERENCE).every(([key, value]) => counts[key] === value);
    ctx.log(`report: ${records.length} records published; summary ${JSON.stringify(counts)} ${matches ? 'equals' : 'DIFFERS FROM'} seed 002`);

    const measure = async (name: string, path: string, auth: Record<string, string>) => {
      const result = await ctx.profiled(name, api.inspectPort, () => runClosedLoop({ base: api.base, concurrency: 1, warmupMs: 1_000, durationMs: ctx.quick ? 2_000 : 5_000, next: () => ({ method: 'GET', path, headers: auth }) }));
      const bytes = (await (await fetch(`${api.base}${path}`, { headers: auth })).text()).length;
      return { latency: summarize(result.latenciesMs), ok: result.ok === result.completed, bytes };
    };
    const publishedRead = await measure('report-published', `/public/wards/${NERIMA}/reports/${FY_R4}`, {});
    const currentRead = await measure('report-current', `${fy}/report`, { authorization: headers.authorization });
    const summaryRead = await measure('report-summary', `${fy}/report/summary`, { authorization: headers.authorization });
    const figure = (name: string, read: typeof publishedRead): Figure => ({
      scenario: '3', figure: `FY R4 reference (383 projects): ${name}, p50 (p95 / p99)`, value: read.latency.p50, unit: 'ms', target: 'p50 ≤ 10 ms', met: read.ok && read.latency.p50 <= 10,
      display: `${formatNumber(read.latency.p50)} ms (${formatNumber(read.latency.p95)} / ${formatNumber(read.latency.p99)})`,
      note: `p95 ${read.latency.p95.toFixed(1)} ms, p99 ${read.latency.p99.toFixed(1)} ms over ${read.latency.samples} GETs; ${Math.round(read.bytes / 1024)} KB of JSON${read.ok ? '' : '; some answers were not 2xx'}`,
    });
    return [
      { scenario: '3', figure: 'FY R4 reference: published summary equals seed 002 (A+ 21, A 284, B 33 (4/12/3/14), * 34, - 11, 383)', value: matches ? 1 : 0, unit: '', display: matches ? 'equal' : 'differs', target: 'equal', met: matches, note: JSON.stringify(counts) },
      figure('GET the published report (summary and tables)', publishedRead),
      figure('GET the current report (summary and tables)', currentRead),
      figure('GET the current summary table alone', summaryRead),
    ];
  } finally {
    await api.stop();
  }
}

function summaryCounts(summary: { rows: Array<{ key: string; count: number }>; bReasons: Array<{ key: string; count: number }>; total: number }): Record<string, number> {
  return Object.fromEntries([...summary.rows.map((r) => [r.key, r.count]), ...summary.bReasons.map((r) => [r.key, r.count]), ['total', summary.total]]);
}
