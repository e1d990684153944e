/**
 * Picking a lesson from the page: the lesson's preset replaces every experiment setting, while the
 * view settings (backend, autostart, pace, presenter mode, hidden parts) stay as the user left them,
 * since they describe the room and the device rather than the experiment.
 */
import { lessonBase } from './lessons';
import { KEYS, SCHEMA, type Key, type LessonName, type Settings } from './schema';

const VIEW_KEYS: readonly Key[] = KEYS.filter((k) => SCHEMA[k].scope === 'view');

/** The settings after picking `name`: its preset, with the current view keys kept. */
export function withLesson(current: Settings, name: LessonName): Settings {
  const next: Settings = { ...lessonBase(name) };
  for (const k of VIEW_KEYS) copy(next, current, k);
  return next;
}

function copy<K extends Key>(to: Settings, from: Settings, k: K): void {
  to[k] = from[k];
}
