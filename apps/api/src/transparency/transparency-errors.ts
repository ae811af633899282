import { DomainError, invalid, notFound } from '@pdca/kernel';

export const signingKeyNotConfigured = () =>
  new DomainError(
    'TRANSPARENCY_NOT_CONFIGURED',
    'unavailable',
    'このサーバーにはチェックポイントの署名鍵が設定されていません（TRANSPARENCY_SIGNING_KEY_FILE）。',
    'This server has no checkpoint signing key configured (TRANSPARENCY_SIGNING_KEY_FILE).',
  );

export const treeTooLarge = (field: string, requested: number, size: number) =>
  invalid(
    'TRANSPARENCY_TREE_SIZE_UNKNOWN',
    `大きさ ${requested} の木はまだありません（ログは ${size} 件です）。`,
    `There is no tree of ${requested} entries yet (the log has ${size}).`,
    { field, logSize: size },
  );

export const sizesOutOfOrder = (from: number, to: number) =>
  invalid(
    'TRANSPARENCY_SIZES_OUT_OF_ORDER',
    `from（${from}）は to（${to}）以下にしてください。`,
    `from (${from}) must not be larger than to (${to}).`,
    { field: 'from' },
  );

export const eventNotInLog = (position: number) =>
  notFound(
    'TRANSPARENCY_EVENT_NOT_FOUND',
    `位置 ${position} の記録はログにありません。`,
    `No event at position ${position} in the log.`,
    { field: 'position' },
  );

export const eventAfterTree = (position: number, leafIndex: number, treeSize: number) =>
  invalid(
    'TRANSPARENCY_EVENT_AFTER_TREE',
    `位置 ${position} の記録（葉 ${leafIndex}）は大きさ ${treeSize} の木より後に記録されました。`,
    `The event at position ${position} (leaf ${leafIndex}) was recorded after the tree of ${treeSize} entries.`,
    { field: 'treeSize', leafIndex },
  );
