import { demoData, demoFiles } from './demo-fixtures';
import { DEMO_SECTIONS } from './demo-people';
import { demoScenario } from './demo-scenario';
import type { DemoStep } from './demo-step';
import { demoWaves } from './demo-waves';
import { openFiscalYear } from './open-year.scenario';

const TODAY = '2026-12-06';

describe('the demo scenario', () => {
  let steps: DemoStep[];
  beforeAll(async () => {
    steps = demoScenario(await demoData(demoFiles()), TODAY);
  });

  it('happens in order and entirely before today (Japan time)', () => {
    const instants = steps.map((s) => s.at);
    expect(instants).toEqual([...instants].sort());
    expect(instants[instants.length - 1] < '2026-12-05T15:00:00.000Z').toBe(true);
    expect(new Set(steps.map((s) => s.name)).size).toBe(steps.length); // one idempotency key per command
  });

  it('reviews the last completed fiscal year, never the published one', () => {
    expect(openFiscalYear('2026-12-06')).toBe(2025);
    expect(openFiscalYear('2027-03-31')).toBe(2025);
    expect(openFiscalYear('2027-04-01')).toBe(2026);
    expect(openFiscalYear('2023-06-01')).toBe(2023);
  });

  it("writes the open year's notes for that year, not FY R4's", () => {
    // given FY R4's note for P01-001 ("…令和5年4月1日現在の施設数は26か所となる。"), reused for FY R7 (2025)
    const submit = steps.find(
      (s) =>
        s.kind === 'evaluation' &&
        s.ref.itemId === 'P01-001' &&
        s.ref.fiscalYear === 2025 &&
        s.command.type === 'SubmitActual',
    );
    const data = (submit as Extract<DemoStep, { kind: 'evaluation' }>).command.data as {
      rating?: { note?: string };
      actual: { text?: string };
    };
    // then it speaks of 1 April of the year after R7
    expect(`${data.actual.text} ${data.rating?.note ?? ''}`).toContain('令和8年4月1日現在');
    expect(`${data.actual.text} ${data.rating?.note ?? ''}`).not.toContain('令和5年');
  });

  it('returns exactly one item, of the section whose user shows it', () => {
    const returns = steps.filter((s) => s.kind === 'evaluation' && s.command.type === 'ReturnSubmission');
    expect(returns.map((s) => s.actor.userId)).toEqual(['iin']);
    const [returned] = returns as Array<Extract<DemoStep, { kind: 'evaluation' }>>;
    const submitter = steps.find(
      (s) =>
        s.kind === 'evaluation' &&
        s.ref.itemId === returned.ref.itemId &&
        s.ref.fiscalYear === 2025 &&
        s.command.type === 'SubmitActual',
    );
    expect(submitter?.actor.sectionId).toBe(DEMO_SECTIONS.returned.sectionId);
  });

  it('runs catalogue and cycle commands alone and never one item twice in a wave', () => {
    const waves = demoWaves(steps);
    expect(waves.flat()).toEqual(steps);
    for (const wave of waves) {
      if (wave.some((s) => s.kind !== 'evaluation')) expect(wave).toHaveLength(1);
      const items = wave.flatMap((s) =>
        s.kind === 'evaluation' ? [`${s.ref.fiscalYear}/${s.ref.kind}/${s.ref.itemId}`] : [],
      );
      expect(new Set(items).size).toBe(items.length);
    }
  });
});
