/**
 * The keyboard shortcuts: which key does what. Pure (no DOM), so the mapping is unit-tested in Node;
 * shortcutList.ts says the same in words for the shortcuts dialog (a unit test checks they agree).
 */
import { LESSON_NAMES, type LessonName } from '../../state/schema';

export type ShortcutAction =
  | { readonly kind: 'togglePlay' }
  | { readonly kind: 'step' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'present' }
  | { readonly kind: 'lesson'; readonly lesson: LessonName }
  | { readonly kind: 'help' };

/** The parts of a KeyboardEvent the mapping looks at. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/**
 * The action of a key press, or null. Chords with Ctrl, Cmd or Alt are left to the browser (Ctrl+R
 * must still reload); Shift is allowed because "?" needs it on most layouts.
 */
export function shortcutOf(e: KeyPress): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case ' ':
      return { kind: 'togglePlay' };
    case 's':
    case 'S':
      return { kind: 'step' };
    case 'r':
    case 'R':
      return { kind: 'reset' };
    case 'p':
    case 'P':
      return { kind: 'present' };
    case '?':
      return { kind: 'help' };
  }
  if (/^[1-9]$/.test(e.key)) {
    const lesson = LESSON_NAMES[Number(e.key) - 1];
    return lesson ? { kind: 'lesson', lesson } : null;
  }
  return null;
}
