/** The list of keyboard shortcuts (key ?), read from the same table the key handler uses. */
import { useId } from 'react';
import { ModalDialog } from './ModalDialog';
import { SHORTCUT_LIST } from './shortcutList';

export function ShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  const headingId = useId();
  return (
    <ModalDialog open onClose={onClose} labelledBy={headingId} className="modal shortcuts" testId="shortcuts">
      <h2 id={headingId}>Keyboard shortcuts</h2>
      <dl className="shortcut-list">
        {SHORTCUT_LIST.map((s) => (
          <div key={s.does} className="shortcut">
            <dt>{s.keys.map((k) => (k === '…' ? <span key={k}> to </span> : <kbd key={k}>{k}</kbd>))}</dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
      <p className="modal-lead">Shortcuts wait while you type in a field.</p>
      <form method="dialog" className="modal-actions">
        <button type="submit" autoFocus>Close</button>
      </form>
    </ModalDialog>
  );
}
