/**
 * The instructor's row under the training buttons: pace, presenter mode, the classroom link, export
 * and the shortcuts list. The two dialogs load on first use.
 */
import { lazy, Suspense } from 'react';
import type { Settings } from '../../state/schema';
import type { Trainer } from '../useTrainer';
import { ExportMenu } from './ExportMenu';
import { PaceControl } from './PaceControl';
import type { Lecture } from './useLecture';
import './lecture.css';

const LectureDialogs = lazy(() => import('./LectureDialogs'));

export interface LectureBarProps {
  readonly lecture: Lecture;
  readonly settings: Settings;
  readonly onChange: (next: Settings) => void;
  readonly trainer: Trainer;
}

export function LectureBar({ lecture, settings, onChange, trainer }: LectureBarProps) {
  return (
    <div className="lecture-bar" role="group" aria-label="Lecture">
      <PaceControl pace={settings.pace} onChange={(pace) => onChange({ ...settings, pace })} />
      <div className="lecture-buttons">
        <button type="button" className="wide-only" aria-pressed={settings.present} aria-keyshortcuts="P"
          onClick={lecture.togglePresent}>
          Presenter mode
        </button>
        <button type="button" aria-haspopup="dialog" onClick={() => lecture.openDialog('link')}>Classroom link</button>
        <ExportMenu settings={settings} trainer={trainer} />
        <button type="button" className="wide-only" aria-haspopup="dialog" aria-keyshortcuts="?"
          onClick={() => lecture.openDialog('help')}>
          Shortcuts
        </button>
      </div>
      {lecture.dialog && (
        <Suspense fallback={null}>
          <LectureDialogs dialog={lecture.dialog} settings={settings} onClose={lecture.closeDialog} />
        </Suspense>
      )}
    </div>
  );
}
