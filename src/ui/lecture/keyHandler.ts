/**
 * The page-wide keydown listener behind useShortcuts (see shortcuts.ts for the key table). Loaded
 * just after the first paint, when nobody has pressed a key yet.
 */
import { shortcutOf, type ShortcutAction } from './shortcuts';

/** Where keys type text or pick a value: a shortcut must never steal them. */
const TYPING = 'input, select, textarea, [contenteditable]:not([contenteditable="false"])';
/** What Space activates natively: a focused button must still be pressable with Space. */
const SPACE_ACTIVATES = 'button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"], [role="tab"]';

/** Call `run` with the action of each shortcut pressed; returns the function that stops listening. */
export function listenForShortcuts(run: (action: ShortcutAction) => void): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    const target = e.target instanceof Element ? e.target : null;
    // An open dialog has its own keys (Esc, Tab, Space on its buttons).
    if (target?.closest(TYPING) || target?.closest('dialog')) return;
    const action = shortcutOf(e);
    if (!action) return;
    // Holding a key down repeats it: fine for stepping, not for toggling training or modes.
    if (e.repeat && action.kind !== 'step') return;
    if (action.kind === 'togglePlay' && target?.closest(SPACE_ACTIVATES)) return;
    // Space would also scroll the page.
    e.preventDefault();
    run(action);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
