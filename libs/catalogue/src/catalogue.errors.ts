import { conflict, notFound, ruleViolation } from '@pdca/kernel';

const KINDS = {
  section: { ja: '事業実施課', en: 'section' },
  pillar: { ja: '基本目標', en: 'pillar' },
  plan: { ja: '戦略計画', en: 'strategic plan' },
  project: { ja: '取組', en: 'project' },
  kpi: { ja: '指標', en: 'KPI' },
} as const;
export type CatalogueKind = keyof typeof KINDS;

export const alreadyRegistered = (kind: CatalogueKind, id: string) =>
  conflict(
    'ALREADY_REGISTERED',
    `${KINDS[kind].ja}「${id}」は登録済みです。`,
    `${KINDS[kind].en} ${id} is already registered.`,
    { kind, id },
  );

export const unknownEntry = (kind: CatalogueKind, id: string) =>
  notFound(
    'NOT_IN_CATALOGUE',
    `${KINDS[kind].ja}「${id}」は登録されていません。`,
    `${KINDS[kind].en} ${id} is not in the catalogue.`,
    { kind, id },
  );

export const unknownReference = (kind: CatalogueKind, id: string) =>
  ruleViolation(
    'UNKNOWN_REFERENCE',
    `参照先の${KINDS[kind].ja}「${id}」が登録されていません。`,
    `The referenced ${KINDS[kind].en} ${id} is not in the catalogue.`,
    { kind, id },
  );

export const retiredEntry = (kind: CatalogueKind, id: string) =>
  conflict('RETIRED', `${KINDS[kind].ja}「${id}」は廃止済みです。`, `${KINDS[kind].en} ${id} is retired.`, {
    kind,
    id,
  });

export const repostAtHome = (projectId: string) =>
  ruleViolation(
    'REPOST_AT_HOME',
    `取組「${projectId}」の再掲先が本来の掲載箇所と同じです。`,
    `Project ${projectId} cannot be reposted where it already belongs.`,
    { projectId },
  );
