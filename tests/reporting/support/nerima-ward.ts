import type { WardSpec } from './report-fixture';

const kodomo = 'S-kosodate';
const hoiku = 'S-hoiku';
const doro = 'S-doro';

/** A slice of seed 002: 2 pillars, 3 plans, 10 projects (+2 再掲 rows), 4 KPIs, every grade and B reason used. */
export const NERIMA_WARD: WardSpec = {
  wardId: 'nerima',
  fiscalYear: 2022,
  scheme: 'nerima',
  sections: [
    { sectionId: kodomo, department: 'こども家庭部', name: '子育て支援課' },
    { sectionId: hoiku, department: 'こども家庭部', name: '保育課' },
    { sectionId: doro, department: '都市整備部', name: '交通企画課' },
  ],
  pillars: [
    { pillarId: 'I', code: 'Ⅰ', title: '子どもたちの笑顔輝くまち' },
    { pillarId: 'IV', code: 'Ⅳ', title: '安全・快適、みどりあふれるまち' },
  ],
  plans: [
    { planId: 'plan-1', code: '1', title: '子育てのかたちを選択できる社会の実現', pillarId: 'I' },
    { planId: 'plan-2', code: '2', title: '子どもの成長に合わせた切れ目のないサポートの充実', pillarId: 'I' },
    { planId: 'plan-12', code: '12', title: 'みどり豊かで快適な空間を創出する交通インフラの整備', pillarId: 'IV' },
  ],
  projects: [
    {
      project: { projectId: 'P01-001', name: '子育てのひろば 計28か所', sectionId: kodomo, home: { planId: 'plan-1', sectionNo: '1①', sectionTitle: '家庭での子育て支援サービスの充実 / 子育てのひろば事業' } },
      target: '計28か所', previous: '計26か所', planned: '1か所開設', actual: '2か所開設',
      rating: { scheme: 'nerima', grade: 'A+', note: '計画を上回る2か所を開設した。' },
    },
    {
      project: { projectId: 'P01-002', name: '外遊び型子育てのひろば (おひさまぴよぴよ) 計8か所', sectionId: kodomo, home: { planId: 'plan-1', sectionNo: '1①', sectionTitle: '家庭での子育て支援サービスの充実 / 子育てのひろば事業' } },
      target: '計8か所', previous: '計7か所', planned: '—', actual: '—',
      rating: { scheme: 'nerima', grade: '-' },
    },
    {
      project: { projectId: 'P01-003', name: '発達に不安のある親子のひろば事業 (のびのびひろば)', sectionId: kodomo, home: { planId: 'plan-1', sectionNo: '1②', sectionTitle: '家庭での子育て支援サービスの充実' } },
      target: '月2回実施(5か所)', previous: '月2回実施(4か所)', planned: '月2回実施 (5か所)', actual: '月2回実施 (5か所)',
      rating: { scheme: 'nerima', grade: 'A' },
      reposts: [{ planId: 'plan-2', sectionNo: '関連1', sectionTitle: '関連する事業' }],
    },
    {
      project: { projectId: 'P01-004', name: '認可保育所の増設', sectionId: hoiku, home: { planId: 'plan-1', sectionNo: '2', sectionTitle: '保育サービスの充実' } },
      target: '計206所', previous: '計197所', planned: '9所開設', actual: '7所開設',
      rating: { scheme: 'nerima', grade: 'B', bReason: 'covid19', note: '工期が遅れた <script>alert("x")</script> & "引用"' },
    },
    {
      project: { projectId: 'P02-001', name: '産後ケア事業の充実', sectionId: kodomo, home: { planId: 'plan-2', sectionNo: '1(1)', sectionTitle: '妊娠期からの切れ目のない支援' } },
      target: '充実', previous: '実施', planned: '充実', actual: '充実 (訪問日数の拡大)',
      rating: { scheme: 'nerima', grade: 'A', note: '担当 髙橋・山﨑' },
      reposts: [{ planId: 'plan-1', sectionNo: '3', sectionTitle: '関連する事業' }],
    },
    {
      project: { projectId: 'P02-002', name: '子ども家庭支援センターの専門職員の増員', sectionId: kodomo, home: { planId: 'plan-2', sectionNo: '1(2)', sectionTitle: '児童虐待防止の取組' } },
      target: '増員', previous: '心理8人、福祉26人', planned: '増員', actual: '4人増員',
      rating: { scheme: 'nerima', grade: 'B', bReason: 'other', note: '採用予定数を確保できなかったため。' },
    },
    {
      project: { projectId: 'P02-003', name: '(仮称)ねりま子育て支援アプリの構築', sectionId: kodomo, home: { planId: 'plan-2', sectionNo: '1(2)', sectionTitle: '児童虐待防止の取組' } },
      target: '構築', previous: '—', planned: '検討', actual: '検討',
      rating: { scheme: 'nerima', grade: 'A' },
    },
    {
      project: { projectId: 'P12-001', name: '都市計画道路の整備', sectionId: doro, notSuitedForShortTermEvaluation: true, home: { planId: 'plan-12', sectionNo: '1', sectionTitle: '都市計画道路の整備' } },
      target: '約7割', previous: '約6割', planned: '整備推進', actual: '整備推進',
      rating: { scheme: 'nerima', grade: '*' },
    },
    {
      project: { projectId: 'P12-002', name: '西武新宿線連続立体交差事業', sectionId: doro, notSuitedForShortTermEvaluation: true, home: { planId: 'plan-12', sectionNo: '2', sectionTitle: '鉄道の立体化' } },
      target: '調整', previous: '都市計画決定', planned: '調整', actual: '調整 事業着手に向けた準備',
      rating: { scheme: 'nerima', grade: '*' },
    },
    {
      project: { projectId: 'P12-003', name: 'みどりバスの再編', sectionId: doro, home: { planId: 'plan-12', sectionNo: '3', sectionTitle: '公共交通空白地域の改善' } },
      target: '再編〔保谷・北町・氷川台ルート〕', previous: '再編に向けた調整', planned: '再編', actual: '一部再編',
      rating: { scheme: 'nerima', grade: 'B', bReason: 'town_development', note: '沿道のまちづくりの進捗に合わせて時期を変更した。' },
    },
  ],
  kpis: [
    {
      kpi: { kpiId: 'K01-01', planId: 'plan-1', indicator: '認可保育所の増設', kind: 'output', sectionId: hoiku, target: '計206所', targetAsOf: '令和6年4月1日現在', baseline: '計197所', baselineAsOf: '令和4年4月1日現在' },
      actual: '計206所', actualAsOf: '令和5年4月1日現在',
    },
    {
      kpi: { kpiId: 'K01-02', planId: 'plan-1', indicator: '練馬こども園の認定', kind: 'output', sectionId: hoiku, target: '計27園', targetAsOf: '令和5年度末', baseline: '計25園', baselineAsOf: '令和3年度末' },
      actual: '計26園', actualAsOf: '令和4年度末',
    },
    {
      kpi: { kpiId: 'K02-01', planId: 'plan-2', indicator: '子ども家庭支援センターの相談件数', kind: 'outcome', sectionId: kodomo, target: '増加', targetAsOf: '令和5年度末', baseline: '年間9,532件', baselineAsOf: '令和3年度末' },
      actual: '年間10,798件', actualAsOf: '令和4年度末',
    },
    {
      kpi: { kpiId: 'K12-01', planId: 'plan-12', indicator: 'みどりバスの乗車人数', kind: 'outcome', sectionId: doro, target: '年間950,000人', targetAsOf: '令和5年度末', baseline: '年間878,354人', baselineAsOf: '令和3年度末' },
      actual: '年間995,679人', actualAsOf: '令和4年度末',
    },
  ],
  assessments: [
    { planId: 'plan-1', assessment: { issues: '保育需要の地域差が大きい。', improvements: '需要の高い地域に重点を置いて整備する。', nextYearDirection: '待機児童ゼロを維持する。' } },
  ],
};
