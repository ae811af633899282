/** Nerima's scale (進捗状況). */
export type NerimaGrade = 'A+' | 'A' | 'B' | '*' | '-';
export const NERIMA_GRADES: readonly NerimaGrade[] = ['A+', 'A', 'B', '*', '-'];

export interface NerimaRating {
  scheme: 'nerima';
  grade: NerimaGrade;
  /** Required for B: one of the cycle's reason categories (Bの内訳). */
  bReason?: string;
  /** 備考: required for B and A+. */
  note?: string;
}

export interface ReasonCategory {
  code: string;
  label: string;
}

/** The ward's own B categories in seed 002; a cycle may configure others. */
export const DEFAULT_B_REASONS: readonly ReasonCategory[] = [
  { code: 'covid19', label: '新型コロナウイルス感染症の感染拡大による影響を受けたもの' },
  { code: 'town_development', label: 'まちづくり事業等の進捗状況により予定変更が生じたもの' },
  { code: 'construction', label: '工事等の進捗状況により予定変更が生じたもの' },
  { code: 'other', label: 'その他' },
];

export const NERIMA_GRADE_LABELS: Record<NerimaGrade, string> = {
  'A+': '計画以上に進んだもの',
  A: '概ね計画どおりのもの',
  B: '遅れや修正が生じたもの',
  '*': '短期での評価がなじまないもの',
  '-': '年度末までに取組がないもの',
};
