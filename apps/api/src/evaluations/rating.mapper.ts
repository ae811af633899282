import { assertNever } from '@pdca/kernel';
import type { NerimaGrade, Rating } from '@pdca/review';
import type { RatingDto } from './evaluation.request.dto';

/** DTO → domain rating: only the fields of the chosen scheme survive. */
export function toRating(dto: RatingDto): Rating {
  switch (dto.scheme) {
    case 'nerima':
      return {
        scheme: 'nerima',
        grade: dto.grade as NerimaGrade,
        ...(dto.bReason ? { bReason: dto.bReason } : {}),
        ...(dto.note ? { note: dto.note } : {}),
      };
    case 'ordinal':
      return { scheme: 'ordinal', grade: dto.grade!, ...(dto.note ? { note: dto.note } : {}) };
    case 'taisho':
      return taishoRating(dto);
    default:
      return assertNever(dto.scheme, 'rating scheme');
  }
}

function taishoRating(dto: RatingDto): Rating {
  return {
    scheme: 'taisho',
    achievement: dto.achievement!,
    ...(dto.performanceTarget ? { performanceTarget: dto.performanceTarget } : {}),
    ...(dto.withdrawalCriterion ? { withdrawalCriterion: dto.withdrawalCriterion } : {}),
    ...(dto.withdrawalCriterionHit !== undefined ? { withdrawalCriterionHit: dto.withdrawalCriterionHit } : {}),
    ...(dto.implementedAsPlanned !== undefined ? { implementedAsPlanned: dto.implementedAsPlanned } : {}),
    ...(dto.issues?.trim() ? { issues: dto.issues } : {}),
    ...(dto.improvements?.trim() ? { improvements: dto.improvements } : {}),
    ...(dto.note ? { note: dto.note } : {}),
  };
}
