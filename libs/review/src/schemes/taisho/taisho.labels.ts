/** What the screens call the scheme (ja/en). No imports: the web app reads this file too (schemes/labels.ts). */
export const TAISHO_LABELS = {
  name: { ja: '大正区方式（達成・未達成）', en: 'Taisho scheme (achieved / not achieved)' },
  hint: {
    ja: '成果目標に対する達成・未達成と撤退基準を記入します。',
    en: 'Achievement against the performance target, with the withdrawal criterion.',
  },
  ratingHeading: { ja: '達成状況', en: 'Achievement' },
} as const;
