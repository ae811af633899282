import { conflict, notFound } from '@pdca/kernel';

export const importNotFound = (importId: string) =>
  notFound('IMPORT_NOT_FOUND', `取込み「${importId}」はありません。`, `No import ${importId}.`, { importId });

export const importInProgress = () =>
  conflict(
    'IMPORT_IN_PROGRESS',
    'この取込みは処理中です。少し待ってから再度お試しください。',
    'This import is still being applied; retry shortly.',
  );
