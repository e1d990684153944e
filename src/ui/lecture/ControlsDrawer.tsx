/** The settings drawer of ControlsPanel: the page's controls in a modal dialog at the side. */
import { useId, type ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';

export interface ControlsDrawerProps {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

export default function ControlsDrawer({ open, onClose, children }: ControlsDrawerProps) {
  const headingId = useId();
  return (
    <ModalDialog open={open} onClose={onClose} labelledBy={headingId} className="drawer" testId="drawer">
      <div className="drawer-head">
        <h2 id={headingId}>Settings</h2>
        {/* method="dialog" closes the dialog natively, which fires its close event. */}
        <form method="dialog"><button type="submit">Close</button></form>
      </div>
      {children}
    </ModalDialog>
  );
}
