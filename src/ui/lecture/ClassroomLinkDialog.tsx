/**
 * The classroom link builder: the instructor ticks what students see, whether the page opens in
 * presenter mode, starts by itself and at what pace, and copies the link in one click.
 */
import { useId, useRef, useState } from 'react';
import { HIDEABLE, type Settings } from '../../state/schema';
import { PART_LABEL, choiceOf, classroomLink, withPart, type LinkChoice } from './classroomLink';
import { ModalDialog } from './ModalDialog';
import { PaceControl } from './PaceControl';

export interface ClassroomLinkDialogProps {
  readonly settings: Settings;
  readonly onClose: () => void;
}

type CopyState = 'idle' | 'copied' | 'selected';

export function ClassroomLinkDialog({ settings, onClose }: ClassroomLinkDialogProps) {
  const headingId = useId();
  const linkId = useId();
  const [choice, setChoice] = useState<LinkChoice>(() => choiceOf(settings));
  const [copy, setCopy] = useState<CopyState>('idle');
  const linkRef = useRef<HTMLInputElement>(null);
  const link = classroomLink(`${window.location.origin}${window.location.pathname}`, settings, choice);
  const change = (next: LinkChoice) => {
    setChoice(next);
    setCopy('idle');
  };
  const selectLink = () => {
    linkRef.current?.focus();
    linkRef.current?.select();
    setCopy('selected');
  };
  const copyLink = () => {
    // The Clipboard API needs a secure context and permission; where it is missing or refused, the
    // selected text is one Ctrl+C away.
    if (!navigator.clipboard) return selectLink();
    navigator.clipboard.writeText(link).then(() => setCopy('copied'), selectLink);
  };

  return (
    <ModalDialog open onClose={onClose} labelledBy={headingId} className="modal link-builder" testId="link-builder">
      <h2 id={headingId}>Classroom link</h2>
      <p className="modal-lead">Send students this experiment, showing only what you choose.</p>
      <fieldset className="link-parts">
        <legend>Students see</legend>
        {HIDEABLE.map((part) => (
          <label key={part} className="check">
            <input type="checkbox" checked={!choice.hide.includes(part)} data-part-choice={part}
              onChange={(e) => change(withPart(choice, part, e.target.checked))} />
            {PART_LABEL[part]}
          </label>
        ))}
      </fieldset>
      <fieldset className="link-view">
        <legend>The page</legend>
        <label className="check">
          <input type="checkbox" checked={choice.present} onChange={(e) => change({ ...choice, present: e.target.checked })} />
          Opens in presenter mode
        </label>
        <label className="check">
          <input type="checkbox" checked={choice.autostart}
            onChange={(e) => change({ ...choice, autostart: e.target.checked })} />
          Starts training when it opens
        </label>
        <PaceControl pace={choice.pace} onChange={(pace) => change({ ...choice, pace })} />
      </fieldset>
      <label htmlFor={linkId} className="link-label">Link</label>
      <div className="link-row">
        <input id={linkId} ref={linkRef} className="link-text" readOnly value={link} data-testid="classroom-link"
          onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="primary" onClick={copyLink}>Copy link</button>
      </div>
      <p className="copy-status" role="status" data-testid="copy-status">
        {copy === 'copied' ? 'Copied' : copy === 'selected' ? 'Selected: press Ctrl+C (⌘C on a Mac) to copy' : ''}
      </p>
      <form method="dialog" className="modal-actions">
        <button type="submit">Close</button>
      </form>
    </ModalDialog>
  );
}
