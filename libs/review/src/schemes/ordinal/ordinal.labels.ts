/** What the screens call the scheme (ja/en). No imports: the web app reads this file too (schemes/labels.ts). */
export const ORDINAL_LABELS = {
  name: { ja: '段階評価（区が定める段階）', en: 'Ordinal scale (grades set by the ward)' },
  hint: {
    ja: '区が定めた段階（例 S・A・B・C・D）で取組を評価し、指標は実績値を記入します。',
    en: 'Projects are rated on the ward’s own grades (e.g. S, A, B, C, D); KPIs carry their actual values.',
  },
  ratingHeading: { ja: '評価', en: 'Rating' },
} as const;
