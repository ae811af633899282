import { lazy, Suspense } from 'react';
import type { ConfirmDialogProps } from './ConfirmDialog';

const ConfirmDialog = lazy(() => import('./ConfirmDialog').then((module) => ({ default: module.ConfirmDialog })));

/**
 * ConfirmDialog whose code (react-aria's modal, ~8 KB compressed) downloads when it first opens: a
 * screen that shows no dialog at first, like the council's queue, does not carry it in its first screen.
 */
export function LazyConfirmDialog(props: ConfirmDialogProps) {
  if (!props.isOpen) return null;
  return (
    <Suspense fallback={null}>
      <ConfirmDialog {...props} />
    </Suspense>
  );
}
