/** The lecture bar's dialogs, loaded together on first use (neither is needed for the first paint). */
import type { Settings } from '../../state/schema';
import { ClassroomLinkDialog } from './ClassroomLinkDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import type { LectureDialog } from './useLecture';

export interface LectureDialogsProps {
  readonly dialog: LectureDialog;
  readonly settings: Settings;
  readonly onClose: () => void;
}

export default function LectureDialogs({ dialog, settings, onClose }: LectureDialogsProps) {
  return dialog === 'link' ? <ClassroomLinkDialog settings={settings} onClose={onClose} /> : <ShortcutsDialog onClose={onClose} />;
}
