/**
 * The page-wide keyboard shortcuts. The listener (keyHandler.ts) loads after the first paint; the
 * handler it calls is always the latest render's, so it never acts on stale state.
 */
import { useEffect, useRef } from 'react';
import type { ShortcutAction } from './shortcuts';

export function useShortcuts(run: (action: ShortcutAction) => void): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    let stop: (() => void) | null = null;
    let unmounted = false;
    void import('./keyHandler').then((m) => {
      if (!unmounted) stop = m.listenForShortcuts((action) => latest.current(action));
    });
    return () => {
      unmounted = true;
      stop?.();
    };
  }, []);
}
