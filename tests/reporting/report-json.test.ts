import { renderReportJson, TEMPLATE_VERSION, verificationLine } from '@pdca/reporting';
import { NERIMA, nerimaReport, taishoReport } from './support/reports';

describe('renderReportJson — open data', () => {
  const { model, publication } = nerimaReport();
  const json = renderReportJson(model, publication, NERIMA);

  it('has a stable shape: fixed key order, null for what is missing', () => {
    expect(Object.keys(json)).toEqual([
      'format',
      'templateVersion',
      'ward',
      'fiscalYear',
      'scheme',
      'publication',
      'verification',
      'summary',
      'pillars',
    ]);
    expect(Object.keys(json.publication)).toEqual([
      'version',
      'status',
      'publishedAt',
      'publishedDate',
      'position',
      'templateVersion',
      'reason',
      'chainHeads',
    ]);
    const project = json.pillars[0].plans[0].projects[0];
    expect(Object.keys(project)).toEqual([
      'id',
      'name',
      'sectionNo',
      'sectionTitle',
      'responsible',
      'repost',
      'repostOf',
      'target',
      'statusAtPreviousYearEnd',
      'planned',
      'actual',
      'rating',
      'note',
    ]);
    expect(JSON.stringify(renderReportJson(model, publication, NERIMA))).toBe(JSON.stringify(json));
    expect(json.pillars[1].plans[0].assessment).toBeNull();
  });

  it('carries the verification line of a published version as a top-level field (issue 13), null without one', () => {
    expect(json.verification).toBeNull();
    const verification = {
      address: 'https://pdca.example/public/wards/nerima/reports',
      fingerprint: `sha256:${'a'.repeat(64)}`,
      checkpoint: {
        treeSize: 120,
        rootHash: 'B'.repeat(43) + '=',
        keyId: '0a1b2c3d',
        time: '2023-09-14T01:00:00.000Z',
      },
    };
    const verified = renderReportJson(model, { ...publication, verification }, NERIMA);
    expect(verified.verification).toEqual({ ...verification, line: verificationLine(verification, TEMPLATE_VERSION) });
    expect(verified.verification!.line).toContain(`チェックポイント 120件 根 ${'B'.repeat(16)}… 鍵 0a1b2c3d`);
    // Dated as the rest of the report (report-template/5): 和暦 and Japan time, not the feed's UTC instant.
    expect(verified.verification!.line).toMatch(/鍵 0a1b2c3d 令和5年9月14日（2023年9月14日）10:00$/);
    const pinned = renderReportJson(model, { ...publication, verification, templateVersion: 'report-template/4' });
    expect(pinned.verification!.line).toMatch(/鍵 0a1b2c3d 2023-09-14T01:00:00.000Z$/);
    const { checkpoint: _none, ...unsigned } = verification;
    expect(renderReportJson(model, { ...publication, verification: unsigned }, NERIMA).verification).toMatchObject({
      checkpoint: null,
    });
  });

  it('includes the publication block with chain heads sorted by stream', () => {
    expect(json.publication).toMatchObject({
      version: 2,
      status: 'published',
      publishedDate: '令和5年9月14日（2023年9月14日）',
      reason: '戦略計画2の実績の誤記を訂正',
      templateVersion: TEMPLATE_VERSION,
    });
    const streams = json.publication.chainHeads.map((head) => head.stream);
    expect(streams).toEqual([...streams].sort());
    expect(streams).toHaveLength(Object.keys(publication.chainHeads).length);
  });

  it('gives the summary, ratings with labels, B reasons and reposts', () => {
    expect(json.summary).toMatchObject({ scheme: 'nerima', total: 10, unrated: 0 });
    const plan1 = json.pillars[0].plans[0];
    expect(plan1.projects.find((p) => p.id === 'P01-004')?.rating).toEqual({
      scheme: 'nerima',
      grade: 'B',
      label: '遅れや修正が生じたもの',
      bReason: { code: 'covid19', label: '新型コロナウイルス感染症の感染拡大による影響を受けたもの' },
      note: '工期が遅れた <script>alert("x")</script> & "引用"',
    });
    expect(plan1.projects.find((p) => p.repost)).toMatchObject({
      id: 'P02-001',
      repostOf: { planCode: '2', sectionNo: '1(1)' },
    });
    expect(plan1.kpis[1]).toMatchObject({
      id: 'K01-02',
      achievementPercent: 50,
      target: { value: '計27園', asOf: '令和5年度末' },
      rating: null,
    });
  });

  it('carries Taisho ratings and assessments', () => {
    const taisho = taishoReport();
    const doc = renderReportJson(taisho.model, taisho.publication);
    expect(doc.ward).toEqual({ id: 'taisho', name: null });
    expect(doc.summary).toMatchObject({ scheme: 'taisho', withdrawalCriteriaHit: 1, unrated: 1, total: 4 });
    expect(doc.pillars[0].plans[0].projects[1].rating).toMatchObject({
      scheme: 'taisho',
      achievement: 'B',
      withdrawalCriterionHit: true,
    });
    expect(doc.pillars[0].plans[0].assessment).toEqual({
      issues: '親子教室の参加者が少ない。',
      improvements: '開催場所を分散する。',
      nextYearDirection: null,
      progress: 'b',
      effectiveness: 'revise',
    });
    expect(doc.publication.reason).toBeNull();
  });
});
