import { cycleSummary, nerimaSummary, summaryCounts, taishoSummary } from '@pdca/projections';
import { summaryCells, summaryProvenance } from '@pdca/reporting';
import { fyR4History } from './support/fy-r4-history';

const OFFICES = { council: '区政改革推進会議', planningOffice: '企画部 企画課' };

describe('number-level provenance of the FY R4 summary', () => {
  it('given the FY R4 reference, every cell links exactly as many items as it counts', async () => {
    const { ward, events, wardId, fiscalYear } = await fyR4History();
    const provenance = summaryProvenance(ward, wardId, fiscalYear, { events, audience: 'public', ...OFFICES })!;
    const printed = summaryCells(cycleSummary(ward, fiscalYear)!);
    // The ward's own table (seed 002): A+ 21, A 284, B 33, * 34, - 11; B reasons 4, 12, 3, 14; 383 in all.
    expect(printed.map((cell) => [cell.key, cell.count])).toEqual([
      ['A+', 21],
      ['A', 284],
      ['B', 33],
      ['*', 34],
      ['-', 11],
      ['B:covid19', 4],
      ['B:town_development', 12],
      ['B:construction', 3],
      ['B:other', 14],
      ['unrated', 0],
      ['total', 383],
    ]);
    for (const cell of provenance.cells) {
      expect({ cell: cell.key, linked: cell.items.length }).toEqual({
        cell: cell.key,
        linked: printed.find((p) => p.key === cell.key)!.count,
      });
      expect(new Set(cell.items.map((i) => `${i.kind}:${i.itemId}`)).size).toBe(cell.items.length); // no item twice (reposts count once)
    }
    expect(provenance.items).toHaveLength(383);
    const byId = new Map(provenance.items.map((item) => [item.itemId, item]));
    for (const cell of provenance.cells)
      for (const ref of cell.items) expect(byId.get(ref.itemId)!.cells).toContain(cell.key);
    // A grade row and its share link the same items; a B item with a reason is in B and in its reason's row.
    const b = provenance.cells.find((c) => c.key === 'B')!;
    const reasons = provenance.cells.filter((c) => c.key.startsWith('B:')).flatMap((c) => c.items.map((i) => i.itemId));
    expect(new Set(reasons).size).toBe(reasons.length);
    expect(reasons.every((id) => b.items.some((i) => i.itemId === id))).toBe(true);
  }, 60_000);

  it('traces each item to the decisions that made its rating: the section submitted and rated, the council approved', async () => {
    const { ward, events, wardId, fiscalYear } = await fyR4History();
    const provenance = summaryProvenance(ward, wardId, fiscalYear, { events, audience: 'public', ...OFFICES })!;
    for (const item of provenance.items) {
      expect(item.decisions.map((d) => d.event)).toEqual(
        expect.arrayContaining(['ActualSubmitted', 'SubmissionApproved']),
      );
      const approval = item.decisions.find((d) => d.event === 'SubmissionApproved')!;
      expect(approval).toMatchObject({
        role: 'council_member',
        office: '区政改革推進会議',
        decision: 'approved',
        at: expect.stringMatching(/^\d{4}-/),
      });
      const submitted = item.decisions.find((d) => d.event === 'ActualSubmitted')!;
      expect(submitted).toMatchObject({ role: 'section_staff', office: item.section });
      // The public is told the office, never the account that acted.
      expect(item.decisions.every((d) => d.actor === undefined)).toBe(true);
      if (item.rating)
        expect(item.decisions.some((d) => JSON.stringify(d.rating) === JSON.stringify(item.rating))).toBe(true);
    }
    const staff = summaryProvenance(ward, wardId, fiscalYear, { events, audience: 'staff', ...OFFICES })!;
    expect(staff.items[0].decisions[0].actor).toMatch(/^nerima\./);
  }, 60_000);

  it("names its cells with the publication's count keys in every scheme, so a cell, its link and the published count agree", () => {
    const taisho = taishoSummary(
      [{ scheme: 'taisho', achievement: 'A', withdrawalCriterionHit: false }, undefined],
      [{ scheme: 'taisho', achievement: 'B', withdrawalCriterionHit: false }],
    );
    const nerima = nerimaSummary([
      { scheme: 'nerima', grade: 'B', bReason: 'other' },
      { scheme: 'nerima', grade: 'A+' },
    ]);
    for (const summary of [taisho, nerima]) {
      const cells = Object.fromEntries(summaryCells(summary).map((cell) => [cell.key, cell.count]));
      expect(cells).toEqual(summaryCounts(summary));
    }
  });
});
