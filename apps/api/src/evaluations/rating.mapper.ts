import type { Rating } from '@pdca/review';
import type { RatingDto } from './evaluation.request.dto';

/** DTO → domain rating: only the fields of the chosen scheme survive. */
export function toRating(dto: RatingDto): Rating {
  if (dto.scheme === 'nerima') {
    return { scheme: 'nerima', grade: dto.grade!, ...(dto.bReason ? { bReason: dto.bReason } : {}), ...(dto.note ? { note: dto.note } : {}) };
  }
  return {
    scheme: 'taisho',
    achievement: dto.achievement!,
    ...(dto.performanceTarget ? { performanceTarget: dto.performanceTarget } : {}),
    ...(dto.withdrawalCriterion ? { withdrawalCriterion: dto.withdrawalCriterion } : {}),
    ...(dto.withdrawalCriterionHit !== undefined ? { withdrawalCriterionHit: dto.withdrawalCriterionHit } : {}),
    ...(dto.note ? { note: dto.note } : {}),
  };
}
