import { conflict, forbidden, ruleViolation } from '@pdca/kernel';
import type { EvaluationStatus } from './evaluation.state';

const STATUS_JA: Record<EvaluationStatus, string> = {
  not_started: '未着手',
  draft: '下書き',
  submitted: '提出済み（審査待ち）',
  returned: '差戻し中',
  approved: '承認済み',
};

export const notYourSection = (sectionId: string) =>
  forbidden('NOT_YOUR_SECTION', 'この取組・指標は他の事業実施課の担当です。', 'This item belongs to another section.', {
    owner: sectionId,
  });

export const wrongStatus = (status: EvaluationStatus, action: { ja: string; en: string }) =>
  conflict(
    'INVALID_STATUS',
    `現在の状態（${STATUS_JA[status]}）では${action.ja}できません。`,
    `Cannot ${action.en} while the item is ${status.replace('_', ' ')}.`,
    { status },
  );

export const cycleNotOpen = (status: string) =>
  conflict(
    'CYCLE_NOT_OPEN',
    status === 'published'
      ? 'この年度の報告は公表済みです。修正は訂正として行ってください。'
      : 'この年度の提出受付は締め切られています。',
    status === 'published'
      ? 'This fiscal year is published; changes go through a correction.'
      : 'Submissions for this fiscal year are closed.',
    { cycleStatus: status },
  );

export const cyclePublished = () =>
  conflict(
    'CYCLE_PUBLISHED',
    'この年度の報告は公表済みです。修正は訂正として行ってください。',
    'This fiscal year is published; changes go through a correction.',
  );

export const cycleNotPublished = () =>
  conflict('CYCLE_NOT_PUBLISHED', '訂正は公表後にのみ行えます。', 'Corrections are only for a published fiscal year.');

export const ratingMissing = () =>
  ruleViolation(
    'RATING_MISSING',
    '進捗状況の評価が未入力のため承認できません。',
    'The item has no rating yet and cannot be approved.',
    { field: 'rating' },
  );

export const textRequired = (field: string, ja: string, en: string) =>
  ruleViolation('FIELD_REQUIRED', `${ja}を入力してください。`, `Please give ${en}.`, { field });

export const actualKindMismatch = (kind: string) =>
  ruleViolation(
    'ACTUAL_KIND_MISMATCH',
    '実績の形式が対象（取組・指標）と一致しません。',
    `The actual must be for a ${kind}.`,
    { field: 'actual.kind' },
  );
