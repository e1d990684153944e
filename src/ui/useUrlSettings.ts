/**
 * Settings that live in the URL: parsed once at load (bad keys fall back to their defaults and are
 * reported), and written back with history.replaceState whenever they change, so the address bar
 * is always a link to the experiment on screen.
 */
import { useEffect, useState } from 'react';
import { parseQuery, toQuery, type SettingProblem } from '../state/query';
import type { Settings } from '../state/schema';

export interface UrlSettings {
  readonly settings: Settings;
  readonly setSettings: (next: Settings) => void;
  /** What was wrong with the URL the page was opened with. */
  readonly problems: readonly SettingProblem[];
  readonly dismissProblems: () => void;
}

export function useUrlSettings(): UrlSettings {
  const [initial] = useState(() => parseQuery(window.location.search));
  const [settings, setSettings] = useState(initial.settings);
  const [problems, setProblems] = useState(initial.problems);

  useEffect(() => {
    // The URL the page was opened with stays as it was until something changes.
    if (settings === initial.settings) return;
    const query = toQuery(settings);
    const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    window.history.replaceState(null, '', url);
  }, [settings, initial.settings]);

  return { settings, setSettings, problems, dismissProblems: () => setProblems([]) };
}
