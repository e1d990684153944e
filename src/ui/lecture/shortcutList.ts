/**
 * The keyboard shortcuts in words, for the shortcuts dialog: a separate module from the key mapping
 * (shortcuts.ts) so that its text loads with the dialog, not with the page.
 */
import { LESSON_NAMES } from '../../state/schema';

/** What the shortcuts dialog shows, in this order. */
export const SHORTCUT_LIST: readonly { readonly keys: readonly string[]; readonly does: string }[] = [
  { keys: ['Space'], does: 'Train, or pause a run under way' },
  { keys: ['S'], does: 'Train one more epoch (step)' },
  { keys: ['R'], does: 'Reset: back to epoch 0' },
  { keys: ['P'], does: 'Presenter mode on or off' },
  { keys: ['1', '…', String(LESSON_NAMES.length)], does: 'Pick a lesson, in the order of the lesson buttons' },
  { keys: ['?'], does: 'Show these shortcuts' },
  { keys: ['Esc'], does: 'Close a dialog or the settings drawer' },
];
