/**
 * Lecture state for the page: presenter mode and hidden parts (both URL settings), which dialog is
 * open, whether the settings live in a drawer, and the keyboard shortcuts that drive all of it.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { withLesson } from '../../state/pickLesson';
import type { Settings } from '../../state/schema';
import type { Trainer } from '../useTrainer';
import type { ShortcutAction } from './shortcuts';
import { useShortcuts } from './useShortcuts';

export type LectureDialog = 'help' | 'link';

export interface Lecture {
  /** Class and hidden parts for the page's root element (lecture.css reads both). */
  readonly pageProps: { readonly className: string; readonly 'data-hide'?: string };
  /** The settings go into a drawer on a phone and in presenter mode. */
  readonly drawer: boolean;
  readonly dialog: LectureDialog | null;
  readonly openDialog: (dialog: LectureDialog) => void;
  readonly closeDialog: () => void;
  readonly togglePresent: () => void;
}

/** Phones: the width below which styles.css stacks everything in one column. */
const PHONE = '(max-width: 599px)';

function subscribePhone(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
const isPhone = (): boolean => window.matchMedia(PHONE).matches;

export function useLecture(settings: Settings, setSettings: (next: Settings) => void, trainer: Trainer): Lecture {
  const [dialog, setDialog] = useState<LectureDialog | null>(null);
  const phone = useSyncExternalStore(subscribePhone, isPhone);
  const togglePresent = useCallback(
    () => setSettings({ ...settings, present: !settings.present }),
    [settings, setSettings],
  );
  const closeDialog = useCallback(() => setDialog(null), []);

  useShortcuts((action: ShortcutAction) => {
    switch (action.kind) {
      case 'togglePlay':
        return trainer.status === 'training' ? trainer.pause() : trainer.train();
      case 'step':
        return trainer.step();
      case 'reset':
        return trainer.reset();
      case 'present':
        return togglePresent();
      case 'lesson':
        // A classroom link that hides the lesson picker means: stay on this lesson.
        if (settings.hide.includes('lessons')) return;
        return setSettings(withLesson(settings, action.lesson));
      case 'help':
        return setDialog('help');
    }
  });

  // In presenter mode the charts are what the hall looks at: bring them into view.
  useEffect(() => {
    if (settings.present) document.querySelector('.charts')?.scrollIntoView({ block: 'start' });
  }, [settings.present]);

  const hide = settings.hide.join(' ');
  return {
    pageProps: { className: settings.present ? 'page present' : 'page', ...(hide ? { 'data-hide': hide } : {}) },
    drawer: phone || settings.present,
    dialog,
    openDialog: setDialog,
    closeDialog,
    togglePresent,
  };
}
