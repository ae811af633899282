import { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { Button } from './Button';
import { useLanguage } from '../i18n/language';

export interface ConfirmDialogProps {
  isOpen: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  tone?: 'primary' | 'danger';
  isPending?: boolean;
  /** False when the dialog holds a field to fill first (e.g. a reason): that field takes the focus. */
  focusConfirm?: boolean;
}

/**
 * A modal confirmation (react-aria: focus moves in and stays there, Escape cancels, focus returns
 * to the opener). One confirmation for one action, however many items it covers.
 */
export function ConfirmDialog({
  isOpen,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  tone = 'primary',
  isPending,
  focusConfirm = true,
}: ConfirmDialogProps) {
  const { t } = useLanguage();
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => !open && onCancel()}
      isDismissable
      className="fixed inset-0 z-50 flex items-center justify-center overflow-y-auto bg-black/50 p-4"
    >
      <Modal className="w-full max-w-lg rounded-16 bg-white p-6 shadow-6">
        <Dialog role="alertdialog" className="flex flex-col gap-4 outline-none">
          <Heading slot="title" className="text-std-20B-150">
            {title}
          </Heading>
          {children && <div className="text-std-16N-170">{children}</div>}
          <div className="flex flex-wrap justify-end gap-3">
            <Button variant="secondary" onPress={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button
              variant={tone === 'danger' ? 'danger' : 'primary'}
              onPress={onConfirm}
              isPending={isPending}
              autoFocus={focusConfirm}
            >
              {confirmLabel}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
