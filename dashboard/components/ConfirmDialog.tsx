'use client';
// A modal built on <dialog>: focus trapping, Escape and the backdrop come from the browser.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '@/lib/i18n/client';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  /** Omit to show only a close button (nothing to confirm). */
  confirmLabel?: string;
  danger?: boolean;
  pending?: boolean;
  onConfirm?: () => void;
  onClose: () => void;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger,
  pending,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (open && !dialog?.open) dialog?.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={pending}>
          {confirmLabel ? t.common.cancel : t.common.close}
        </button>
        {confirmLabel && (
          <button
            type="button"
            className={`button ${danger ? 'danger' : 'primary'}`}
            onClick={onConfirm}
            disabled={pending}
          >
            {confirmLabel}
          </button>
        )}
      </div>
    </dialog>
  );
}
