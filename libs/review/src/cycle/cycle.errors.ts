import { conflict, ruleViolation } from '@pdca/kernel';

export const cycleAlreadyOpened = (fiscalYear: number) =>
  conflict('CYCLE_EXISTS', `${fiscalYear}年度のサイクルは開始済みです。`, `The cycle for FY${fiscalYear} is already opened.`, { fiscalYear });

export const cycleMissing = (fiscalYear: number) =>
  conflict('CYCLE_NOT_OPENED', `${fiscalYear}年度のサイクルは開始されていません。`, `The cycle for FY${fiscalYear} has not been opened.`, { fiscalYear });

export const cycleInStatus = (status: string, action: { ja: string; en: string }) =>
  conflict('CYCLE_STATUS', `サイクルの状態（${status}）では${action.ja}できません。`, `Cannot ${action.en} while the cycle is ${status}.`, { cycleStatus: status });

export const deadlineNotLater = (current: string) =>
  ruleViolation('DEADLINE_NOT_LATER', '新しい締切は現在の締切より後にしてください。', 'The new deadline must be later than the current one.', { field: 'deadline', current });

export const emptyScope = () =>
  ruleViolation('EMPTY_SCOPE', '対象の取組・指標がありません。', 'The cycle has no projects or KPIs in scope.', { field: 'scope' });

export const itemsNotApproved = (count: number) =>
  conflict('ITEMS_NOT_APPROVED', `未承認の取組・指標が${count}件あるため公表できません。`, `${count} items are not approved yet; the report cannot be published.`, { count });

export const reasonRequired = () =>
  ruleViolation('FIELD_REQUIRED', '理由を入力してください。', 'Please give the reason.', { field: 'reason' });
