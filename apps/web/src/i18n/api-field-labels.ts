import type { MessageKey } from './messages.ja';

/**
 * The API names fields by their JSON path ("note", "rating.note", "fiscalYear"); the user knows them
 * by the label on the form. Its messages ("note が長すぎます。") are shown with the label instead.
 */
export const API_FIELD_LABELS: Record<string, MessageKey> = {
  note: 'rating.note', // several commands' optional note (reminder, closing, publication): 備考 / Note
  sectionIds: 'office.oneOff.sections',
  fiscalYear: 'office.open.fiscalYear',
  actual: 'item.actual',
  'actual.text': 'item.actual',
  'actual.value': 'form.kpiValue',
  'actual.asOf': 'form.kpiAsOf',
  rating: 'rating.grade',
  'rating.grade': 'rating.grade',
  'rating.achievement': 'rating.achievement',
  'rating.bReason': 'rating.bReason',
  'rating.note': 'rating.note',
  'rating.performanceTarget': 'rating.performanceTarget',
  'rating.withdrawalCriterion': 'rating.withdrawalCriterion',
  comments: 'review.comments',
};
