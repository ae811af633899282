/** What the screens call the scheme (ja/en). No imports: the web app reads this file too (schemes/labels.ts). */
export const NERIMA_LABELS = {
  name: { ja: '練馬区方式（A+・A・B・＊・－）', en: 'Nerima scheme (A+, A, B, *, -)' },
  hint: {
    ja: '取組を5段階で評価し、指標は実績値を記入します。',
    en: 'Projects are rated on five grades; KPIs carry their actual values.',
  },
  ratingHeading: { ja: '進捗状況', en: 'Progress' },
} as const;
