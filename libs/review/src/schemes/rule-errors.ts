import { invalid, ruleViolation } from '@pdca/kernel';

export function fieldRequired(field: string, ja: string, en: string) {
  return ruleViolation('FIELD_REQUIRED', `${ja}を入力してください。`, `Please give ${en}.`, { field });
}

export function kpiNotRated() {
  return ruleViolation(
    'RATING_NOT_APPLICABLE',
    '指標には進捗状況の評価を付けません（達成度は実績から算出します）。',
    'KPIs are not rated in this scheme; achievement is computed from the actual.',
    { field: 'rating' },
  );
}

/** A scale only goes with the ordinal scheme; silently keeping it would mislead whoever reads the cycle. */
export function assertNoOrdinalScale(settings: { ordinalScale?: unknown }): void {
  if (settings.ordinalScale !== undefined) {
    throw invalid(
      'SCALE_NOT_FOR_SCHEME',
      '評価段階（ordinalScale）は段階評価（ordinal）の年度にのみ指定できます。',
      'ordinalScale only goes with the ordinal scheme.',
      { field: 'ordinalScale' },
    );
  }
}
