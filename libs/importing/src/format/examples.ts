import type { ImportTable } from './import-tables';

/**
 * Example rows for the templates, in column order, taken from the Nerima FY R4 report.
 * 構成 has two because a plan row needs its pillar row; together the examples import cleanly
 * into an empty catalogue.
 */
export const TABLE_EXAMPLES: Record<ImportTable, readonly (readonly string[])[]> = {
  構成: [
    ['基本目標', 'I', '子どもたちの笑顔輝くまち', ''],
    ['戦略計画', '1', '子育てのかたちを選択できる社会の実現', 'I'],
  ],
  取組: [
    [
      'P01-012',
      '1',
      '3(1)②',
      '保育サービスの充実 / 保育所の拡充',
      '上石神井第三保育園の改築による定員増',
      'こども家庭部',
      '保育計画調整課',
      '',
      '',
      '2022',
      '上石神井第三保育園の改築による定員増',
      '解体工事',
      '工事',
      '工事 (遅延)',
      'B',
      '工事',
      '都営住宅建設工事の着工が遅れたことにより、新園舎の定員増が先送りになるため。',
    ],
  ],
  指標: [
    [
      'K01-02',
      '1',
      '練馬こどもカフェの充実',
      'アウトプット',
      '計8か所',
      '令和5年度末',
      '計6か所',
      '令和3年度末',
      '2022',
      '1か所開始 〔計7か所〕',
      '令和4年度末',
      'こども家庭部',
      '子育て支援課',
    ],
  ],
};
