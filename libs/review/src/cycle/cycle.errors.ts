import { conflict, notFound, ruleViolation } from '@pdca/kernel';
import type { ExcludedItem, OutstandingItem } from './cycle.events';

export const cycleAlreadyOpened = (fiscalYear: number) =>
  conflict(
    'CYCLE_EXISTS',
    `${fiscalYear}年度のサイクルは開始済みです。`,
    `The cycle for FY${fiscalYear} is already opened.`,
    { fiscalYear },
  );

export const cycleMissing = (fiscalYear: number) =>
  conflict(
    'CYCLE_NOT_OPENED',
    `${fiscalYear}年度のサイクルは開始されていません。`,
    `The cycle for FY${fiscalYear} has not been opened.`,
    { fiscalYear },
  );

export const cycleInStatus = (status: string, action: { ja: string; en: string }) =>
  conflict(
    'CYCLE_STATUS',
    `サイクルの状態（${status}）では${action.ja}できません。`,
    `Cannot ${action.en} while the cycle is ${status}.`,
    { cycleStatus: status },
  );

export const deadlineNotLater = (current: string) =>
  ruleViolation(
    'DEADLINE_NOT_LATER',
    '新しい締切は現在の締切より後にしてください。',
    'The new deadline must be later than the current one.',
    { field: 'deadline', current },
  );

export const emptyScope = () =>
  ruleViolation('EMPTY_SCOPE', '対象の取組・指標がありません。', 'The cycle has no projects or KPIs in scope.', {
    field: 'scope',
  });

export const itemsNotApproved = (count: number) =>
  conflict(
    'ITEMS_NOT_APPROVED',
    `未承認の取組・指標が${count}件あるため公表できません。`,
    `${count} items are not approved yet; the report cannot be published.`,
    { count },
  );

export const reasonRequired = () =>
  ruleViolation('FIELD_REQUIRED', '理由を入力してください。', 'Please give the reason.', { field: 'reason' });

/** Lists every outstanding item and, per section, how many: the closing checklist the office confirms. */
export const outstandingItems = (items: OutstandingItem[]) => {
  const sections = new Map<string, { sectionId: string; sectionName: string; outstanding: number }>();
  for (const { sectionId, sectionName } of items) {
    const section = sections.get(sectionId) ?? { sectionId, sectionName, outstanding: 0 };
    section.outstanding += 1;
    sections.set(sectionId, section);
  }
  return conflict(
    'OUTSTANDING_ITEMS',
    `未提出・差戻し中の取組・指標が${items.length}件（${sections.size}課）あります。このまま締め切る場合は確認のうえ confirmOutstanding: true を指定してください。`,
    `${items.length} items in ${sections.size} sections are still outstanding; resend with confirmOutstanding: true to close anyway.`,
    { items, sections: [...sections.values()] },
  );
};

export const itemNotInScope = (item: Pick<ExcludedItem, 'kind' | 'itemId'>, fiscalYear: number) =>
  notFound(
    'ITEM_NOT_FOUND',
    `${fiscalYear}年度の対象に「${item.itemId}」はありません。`,
    `${item.kind} ${item.itemId} is not in the FY${fiscalYear} cycle.`,
    { kind: item.kind, itemId: item.itemId },
  );
