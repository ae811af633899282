import type { NerimaGrade } from '@pdca/review';

/** A small Nerima-style catalogue: 4 sections, 2 pillars, 3 plans, 30 projects (3 reposted), 4 KPIs. */
export const SECTIONS = [
  {
    sectionId: 'hoiku',
    department: 'こども家庭部',
    name: '保育課',
    email: 'hoiku@city.example.jp',
    headEmail: 'hoiku-head@city.example.jp',
  },
  {
    sectionId: 'kosodate',
    department: 'こども家庭部',
    name: '子育て支援課',
    email: 'kosodate@city.example.jp',
    headEmail: 'kosodate-head@city.example.jp',
  },
  {
    sectionId: 'gakumu',
    department: '教育委員会事務局',
    name: '学務課',
    email: 'gakumu@city.example.jp',
    headEmail: 'gakumu-head@city.example.jp',
  },
  {
    sectionId: 'keikaku',
    department: '土木部',
    name: '計画課',
    email: 'keikaku@city.example.jp',
    headEmail: 'keikaku-head@city.example.jp',
  },
];

export const PILLARS = [
  { pillarId: 'I', code: 'I', title: '子どもたちの笑顔輝くまち' },
  { pillarId: 'IV', code: 'IV', title: '安全・快適、みどりあふれるまち' },
];

export const PLANS = [
  { planId: '1', code: '1', title: '子育てのかたちを選択できる社会の実現', pillarId: 'I' },
  { planId: '4', code: '4', title: '夢や目標を持ち困難を乗り越える力を備えた子どもたちの育成', pillarId: 'I' },
  { planId: '12', code: '12', title: 'みどり豊かで快適な空間を創出する交通インフラの整備', pillarId: 'IV' },
];

export interface SampleProject {
  projectId: string;
  planId: string;
  sectionNo: string;
  sectionId: string;
  name: string;
  grade: NerimaGrade;
  bReason?: string;
  note?: string;
  repostIn?: { planId: string; sectionNo: string };
}

const p = (
  projectId: string,
  planId: string,
  sectionNo: string,
  sectionId: string,
  name: string,
  grade: NerimaGrade,
  extra: Partial<SampleProject> = {},
): SampleProject => ({ projectId, planId, sectionNo, sectionId, name, grade, ...extra });

export const PROJECTS: SampleProject[] = [
  p('P01', '1', '1', 'kosodate', '子育てのひろば 計28か所', 'A'),
  p('P02', '1', '1', 'kosodate', '外遊び型子育てのひろば 計8か所', '-'),
  p('P03', '1', '2', 'kosodate', '練馬こどもカフェ 計8か所', 'A', { repostIn: { planId: '4', sectionNo: '3' } }),
  p('P04', '1', '3(1)', 'hoiku', '認可保育所 計206所', 'A'),
  p('P05', '1', '3(1)', 'hoiku', '延長保育 計176所', 'A'),
  p('P06', '1', '3(1)', 'hoiku', '上石神井第三保育園の改築による定員増', 'B', {
    bReason: 'construction',
    note: '都営住宅建設工事の着工が遅れたため。',
  }),
  p('P07', '1', '3(2)', 'hoiku', '私立保育所等における障害児受入数の拡大', 'A'),
  p('P08', '1', '4', 'hoiku', '練馬こども園 計27園', 'A'),
  p('P09', '1', '5', 'hoiku', '保育園入園申請のオンライン手続の導入', 'B', {
    bReason: 'other',
    note: 'ツールを再検討したため。令和5年10月導入予定。',
  }),
  p('P10', '1', '5', 'hoiku', '区立園（委託）のICT導入', 'A+', {
    note: '令和5年度導入予定の園が前倒しで導入したため。',
    repostIn: { planId: '12', sectionNo: '関連1' },
  }),
  p('P11', '4', '1(1)', 'gakumu', '不登校対策の見直し', 'A'),
  p('P12', '4', '1(1)', 'gakumu', 'ICTを活用した相談・学習支援の実施', 'A'),
  p('P13', '4', '1(2)', 'gakumu', '中3勉強会 年間80回', 'A'),
  p('P14', '4', '1(3)', 'gakumu', '医療的ケア児への新支援方針の策定', 'B', {
    bReason: 'other',
    note: '障害者計画と整合を図るため。',
  }),
  p('P15', '4', '2(1)', 'gakumu', '教員全体のICT活用能力の向上', 'A'),
  p('P16', '4', '2(3)', 'gakumu', '練馬東小学校 基本設計', '-'),
  p('P17', '4', '2(4)', 'gakumu', '小中学校体育館の空調設備の整備', 'A'),
  p('P18', '4', '2(5)', 'gakumu', '小中学校トイレの改修', 'A'),
  p('P19', '4', '3(1)', 'gakumu', '地域未来塾の拡大', 'A'),
  p('P20', '4', '3(2)', 'gakumu', '夏季イングリッシュキャンプの実施', 'B', {
    bReason: 'covid19',
    note: '新型コロナウイルス感染症の影響で定員を縮小した。',
  }),
  p('P21', '12', '1', 'keikaku', '外環の2の整備', '*', { repostIn: { planId: '1', sectionNo: '関連1' } }),
  p('P22', '12', '1', 'keikaku', '補助線街路第135号線の整備', '*'),
  p('P23', '12', '2', 'keikaku', '西武新宿線の連続立体交差化', 'B', {
    bReason: 'town_development',
    note: '関係機関との協議に時間を要したため。',
  }),
  p('P24', '12', '2', 'keikaku', '大江戸線の延伸', 'A'),
  p('P25', '12', '3', 'keikaku', 'コミュニティバスの再編', 'A'),
  p('P26', '12', '3', 'keikaku', 'シェアサイクルの拡大', 'A+', { note: '利用が想定を上回り拠点を増設したため。' }),
  p('P27', '12', '4', 'keikaku', '無電柱化の推進', 'A'),
  p('P28', '12', '4', 'keikaku', '公園灯・街路灯のLED化', 'A+', { note: '前倒しで更新したため。' }),
  p('P29', '12', '5', 'keikaku', '自転車駐車場の整備', 'A'),
  p('P30', '12', '5', 'keikaku', '道路の維持補修', 'A'),
];

export const KPIS = [
  {
    kpiId: 'K1',
    planId: '1',
    indicator: '認可保育所の増設',
    kind: 'output',
    sectionId: 'hoiku',
    baseline: { value: '計197所', asOf: '令和4年4月1日' },
    target: { value: '計206所', asOf: '令和6年4月1日' },
    actual: '計206所',
  },
  {
    kpiId: 'K2',
    planId: '1',
    indicator: '子ども家庭支援センターの相談件数',
    kind: 'outcome',
    sectionId: 'kosodate',
    baseline: { value: '年間9,532件', asOf: '令和3年度末' },
    target: { value: '増加', asOf: '令和5年度末' },
    actual: '年間10,798件',
  },
  {
    kpiId: 'K3',
    planId: '4',
    indicator: '地域未来塾の実施校',
    kind: 'output',
    sectionId: 'gakumu',
    baseline: { value: '79校', asOf: '令和3年度末' },
    target: { value: '99校', asOf: '令和5年度末' },
    actual: '81校',
  },
  {
    kpiId: 'K4',
    planId: '12',
    indicator: 'シェアサイクルの拠点数',
    kind: 'output',
    sectionId: 'keikaku',
    baseline: { value: '40か所', asOf: '令和3年度末' },
    target: { value: '80か所', asOf: '令和5年度末' },
    actual: '70か所',
  },
] as const;

export const USERS = [
  { username: 'kikaku', role: 'planning_office' as const },
  { username: 'iin', role: 'council_member' as const },
  { username: 'kansa', role: 'auditor' as const },
  ...SECTIONS.map((s) => ({
    username: `staff-${s.sectionId}`,
    role: 'section_staff' as const,
    sectionId: s.sectionId,
  })),
];
