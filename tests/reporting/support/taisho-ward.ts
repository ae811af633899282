import type { WardSpec } from './report-fixture';

/** A slice of seed 004 (Taisho, FY H28): A/B achievement, a withdrawal criterion hit, one item unrated. */
export const TAISHO_WARD: WardSpec = {
  wardId: 'taisho',
  fiscalYear: 2016,
  scheme: 'taisho',
  sections: [{ sectionId: 'S-shien', department: '保健福祉課', name: '子育て支援担当' }],
  pillars: [{ pillarId: 'T1', code: '1', title: '子育て・教育' }],
  plans: [{ planId: 'T1-1', code: '1-1', title: '子育て支援の充実', pillarId: 'T1' }],
  projects: [
    {
      project: {
        projectId: 'T-001',
        name: '子育て情報の発信',
        sectionId: 'S-shien',
        home: { planId: 'T1-1', sectionNo: '1', sectionTitle: '情報発信' },
      },
      target: '発信回数の増',
      previous: '年12回',
      planned: '年24回',
      actual: '年26回',
      rating: {
        scheme: 'taisho',
        achievement: 'A',
        performanceTarget: '子育て情報が役立ったと感じる人 80%以上',
        withdrawalCriterion: '役立ったと感じる人 50%未満',
        withdrawalCriterionHit: false,
      },
    },
    {
      project: {
        projectId: 'T-002',
        name: '親子教室の開催',
        sectionId: 'S-shien',
        home: { planId: 'T1-1', sectionNo: '2', sectionTitle: '交流の場' },
      },
      target: '参加者の増',
      previous: '年間300人',
      planned: '年間400人',
      actual: '年間210人',
      rating: {
        scheme: 'taisho',
        achievement: 'B',
        performanceTarget: '参加者 年間400人',
        withdrawalCriterion: '参加者 年間250人未満',
        withdrawalCriterionHit: true,
        note: '会場の改修で開催回数が減った。',
      },
    },
    {
      project: {
        projectId: 'T-003',
        name: '子育てサークル支援',
        sectionId: 'S-shien',
        home: { planId: 'T1-1', sectionNo: '2', sectionTitle: '交流の場' },
      },
      target: '支援',
      previous: '実施',
      planned: '実施',
      actual: '実施',
    },
  ],
  kpis: [
    {
      kpi: {
        kpiId: 'TK-1',
        planId: 'T1-1',
        indicator: '子育て環境に満足している区民の割合',
        kind: 'outcome',
        sectionId: 'S-shien',
        target: '60%',
        targetAsOf: '平成29年度末',
        baseline: '48%',
        baselineAsOf: '平成27年度末',
      },
      actual: '55%',
      actualAsOf: '平成28年度末',
      rating: { scheme: 'taisho', achievement: 'A' },
    },
  ],
  assessments: [
    {
      planId: 'T1-1',
      assessment: {
        issues: '親子教室の参加者が少ない。',
        improvements: '開催場所を分散する。',
        progress: 'b',
        effectiveness: 'revise',
      },
    },
  ],
};
