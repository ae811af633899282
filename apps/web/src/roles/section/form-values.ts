import type { ItemView, Rating, Scheme } from '../../api/types';
import { actualStrings } from '../../items/actual';
import { emptyRatingInput, RatingInput, ratingFrom, ratingInputFrom } from '../../items/rating-input';

/** Everything the section types on one item's form. */
export interface FormValues {
  actualText: string;
  kpiValue: string;
  kpiAsOf: string;
  rating: RatingInput;
}

export const emptyFormValues = (): FormValues => ({
  actualText: '',
  kpiValue: '',
  kpiAsOf: '',
  rating: emptyRatingInput(),
});

export function formValuesFrom(view: ItemView, defaultAsOf: string): FormValues {
  return {
    actualText: actualStrings(view.actual).text ?? '',
    kpiValue: actualStrings(view.actual).value ?? '',
    kpiAsOf: actualStrings(view.actual).asOf ?? defaultAsOf,
    rating: ratingInputFrom(view.sectionRating ?? view.effectiveRating),
  };
}

export interface Answer {
  actual?: { text: string } | { value: string; asOf: string };
  rating?: Rating;
}

/** The API body of a draft or a submission; empty parts are left out (the API refuses empty strings). */
export function answerFrom(values: FormValues, kind: ItemView['kind'], scheme: Scheme, rated: boolean): Answer {
  const answer: Answer = {};
  if (kind === 'project' && values.actualText.trim()) answer.actual = { text: values.actualText };
  if (kind === 'kpi' && values.kpiValue.trim() && values.kpiAsOf.trim())
    answer.actual = { value: values.kpiValue, asOf: values.kpiAsOf };
  const rating = rated ? ratingFrom(values.rating, scheme) : undefined;
  if (rating) answer.rating = rating;
  return answer;
}

export const sameValues = (a: FormValues, b: FormValues) => JSON.stringify(a) === JSON.stringify(b);
