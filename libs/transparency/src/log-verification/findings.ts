/** What `pdca verify` and the API's verification name (issue 13), each with where and why. */
export type FindingKind =
  | 'altered'
  | 'removed'
  | 'inserted'
  | 'reordered'
  | 'truncated'
  | 'forged'
  | 'checkpoint-not-signed'
  | 'not-a-prefix'
  | 'key-not-pinned';

export interface Finding {
  kind: FindingKind;
  position?: number;
  eventId?: string;
  stream?: string;
  revision?: number;
  /** The checkpoint the finding is about (its tree size and time). */
  checkpoint?: { treeSize: number; time?: string; source: string };
  detail: { ja: string; en: string };
}

export const KIND_LABEL: Record<FindingKind, string> = {
  altered: '改変 altered',
  removed: '削除 removed',
  inserted: '挿入 inserted',
  reordered: '順序変更 reordered',
  truncated: '末尾削除 truncated',
  forged: '偽造 forged',
  'checkpoint-not-signed': '署名不正のチェックポイント checkpoint that does not sign',
  'not-a-prefix': '過去のチェックポイントと不一致 not a prefix of an earlier checkpoint',
  'key-not-pinned': '固定されていない鍵 a log key the verifier did not pin',
};

export const finding = (kind: FindingKind, at: Omit<Finding, 'kind' | 'detail'>, ja: string, en: string): Finding => ({
  kind,
  ...at,
  detail: { ja, en },
});
