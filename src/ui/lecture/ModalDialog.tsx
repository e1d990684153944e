/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert and
 * closes on Esc, and the browser returns focus to where it was. Tab is kept inside explicitly too,
 * since browsers otherwise let it leave the last element for their own toolbar.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/** Tab from the last element goes to the first, Shift+Tab from the first to the last. */
function trapTab(e: KeyboardEvent<HTMLDialogElement>): void {
  if (e.key !== 'Tab') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement;
  if (e.shiftKey && (active === first || active === e.currentTarget)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}

export interface ModalDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  /** Id of the element that names the dialog (its heading). */
  readonly labelledBy: string;
  readonly className?: string;
  readonly testId?: string;
  readonly children: ReactNode;
}

export function ModalDialog({ open, onClose, labelledBy, className, testId, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className={className} aria-labelledby={labelledBy} data-testid={testId}
      onClose={onClose} onKeyDown={trapTab}>
      {children}
    </dialog>
  );
}
