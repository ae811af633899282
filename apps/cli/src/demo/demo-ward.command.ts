import type { Environment } from '@pdca/platform';
import { fiscalYearLabel } from '@pdca/kernel';
import { DemoOutcome, loadDemoWard } from './load-demo-ward';

/** `pdca demo-ward`: loads the demo ward into an empty store (npm run setup runs it); says what it did. */
export async function demoWardCommand(environment: Environment, out: (line: string) => void): Promise<number> {
  const outcome = await loadDemoWard(environment);
  out(describe(outcome, environment.PUBLIC_BASE_URL));
  return 0;
}

function describe(outcome: DemoOutcome, baseUrl: string): string {
  if (!outcome.loaded && outcome.reason === 'disabled')
    return 'demo ward: not loaded (DEMO_WARD=false) — デモ用データは読み込みません';
  if (!outcome.loaded && outcome.reason === 'already_loaded')
    return 'demo ward: already loaded — デモ用データは読み込み済みです';
  if (!outcome.loaded)
    return 'demo ward: not loaded, the event store already holds data — 既存のデータがあるため、デモ用データは読み込みません';
  const seconds = (outcome.milliseconds / 1000).toFixed(1);
  return [
    `demo ward: ${outcome.resumed ? 'finished loading' : 'loaded'} 練馬区 in ${seconds} s (${outcome.commands} commands)`,
    `  ${fiscalYearLabel(2022)}: published (公表済み) — ${baseUrl}/reports/nerima/2022`,
    `  ${fiscalYearLabel(outcome.openFiscalYear)}: open, deadline passed a few days ago (受付中・締切超過): submitted, late, returned and approved items`,
  ].join('\n');
}
