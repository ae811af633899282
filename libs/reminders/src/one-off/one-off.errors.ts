import { ruleViolation } from '@pdca/kernel';

export const unknownSections = (sectionIds: string[]) =>
  ruleViolation(
    'UNKNOWN_SECTION',
    `課（${sectionIds.join('、')}）は登録されていません。`,
    `No such section: ${sectionIds.join(', ')}.`,
    { field: 'sectionIds', sectionIds },
  );

export const nothingOutstanding = (sections: { sectionId: string; name: string }[]) =>
  ruleViolation(
    'NOTHING_OUTSTANDING',
    `${sections.map((s) => s.name).join('、')}には未提出の取組・指標がないため、督促は送れません。`,
    `${sections.map((s) => s.sectionId).join(', ')} owe nothing: no reminder to send.`,
    { field: 'sectionIds', sectionIds: sections.map((s) => s.sectionId) },
  );
