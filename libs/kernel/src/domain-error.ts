/** How a rule violation maps to HTTP, decided in the domain, mapped at the edge. */
export type DomainErrorKind =
  'conflict' | 'rule' | 'forbidden' | 'not_found' | 'invalid' | 'unauthenticated' | 'too_many_requests' | 'unavailable';

/**
 * A domain error carries a stable machine-readable code and messages in Japanese and
 * English, so the API can answer each user in their language without string matching.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    readonly messageJa: string,
    readonly messageEn: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(messageEn);
    this.name = 'DomainError';
  }
}

export const conflict = (code: string, ja: string, en: string, details?: Record<string, unknown>) =>
  new DomainError(code, 'conflict', ja, en, details);
export const ruleViolation = (code: string, ja: string, en: string, details?: Record<string, unknown>) =>
  new DomainError(code, 'rule', ja, en, details);
export const forbidden = (code: string, ja: string, en: string, details?: Record<string, unknown>) =>
  new DomainError(code, 'forbidden', ja, en, details);
export const notFound = (code: string, ja: string, en: string, details?: Record<string, unknown>) =>
  new DomainError(code, 'not_found', ja, en, details);
export const invalid = (code: string, ja: string, en: string, details?: Record<string, unknown>) =>
  new DomainError(code, 'invalid', ja, en, details);
