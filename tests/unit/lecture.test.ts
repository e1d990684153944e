/**
 * Lecture features that need no browser: which key does what, the classroom link's round trip
 * through the URL parser, the pace control's words, and the pace reaching the worker without
 * restarting the run.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SHORTCUT_LIST } from '../../src/ui/lecture/shortcutList';
import { shortcutOf, type ShortcutAction } from '../../src/ui/lecture/shortcuts';
import { classroomLink, withPart, choiceOf } from '../../src/ui/lecture/classroomLink';
import { paceText } from '../../src/ui/lecture/PaceControl';
import { parseQuery, experimentKey } from '../../src/state/query';
import { LESSON_NAMES } from '../../src/state/schema';
import { TrainerClient } from '../../src/ui/trainerClient';
import type { ToWorker } from '../../src/worker/protocol';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  shortcutOf({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keyboard shortcuts', () => {
  it('maps Space, S, R, P and ? in either case, and 1–9 to the lessons in their order', () => {
    expect(press(' ')).toEqual({ kind: 'togglePlay' });
    for (const k of ['s', 'S']) expect(press(k)).toEqual({ kind: 'step' });
    for (const k of ['r', 'R']) expect(press(k)).toEqual({ kind: 'reset' });
    for (const k of ['p', 'P']) expect(press(k)).toEqual({ kind: 'present' });
    expect(press('?')).toEqual({ kind: 'help' });
    expect(press('2')).toEqual({ kind: 'lesson', lesson: LESSON_NAMES[1] });
    LESSON_NAMES.forEach((lesson, i) => expect(press(String(i + 1))).toEqual({ kind: 'lesson', lesson }));
    // Eight lessons: 9 and 0 do nothing.
    expect(press('9')).toBeNull();
    expect(press('0')).toBeNull();
  });

  it('leaves chords to the browser: Ctrl+R still reloads, Cmd+P still prints', () => {
    expect(press('r', { ctrlKey: true })).toBeNull();
    expect(press('p', { metaKey: true })).toBeNull();
    expect(press('1', { altKey: true })).toBeNull();
    expect(press('x')).toBeNull();
  });

  it('lists every shortcut the handler knows in the shortcuts dialog, and only those', () => {
    const listed = SHORTCUT_LIST.flatMap((s) => s.keys).filter((k) => k !== '…' && k !== 'Esc');
    const kinds = new Set<ShortcutAction['kind']>();
    for (const k of listed) {
      const action = press(k === 'Space' ? ' ' : k);
      expect(action, `listed key ${k}`).not.toBeNull();
      if (action) kinds.add(action.kind);
    }
    expect([...kinds].sort()).toEqual(['help', 'lesson', 'present', 'reset', 'step', 'togglePlay']);
    expect(listed).toContain(String(LESSON_NAMES.length));
  });
});

describe('classroom link', () => {
  const base = 'https://lab.example.edu/activation/';

  it('carries the experiment and the chosen view through the URL parser unchanged', () => {
    const { settings } = parseQuery('lesson=moons&hidden=32&actB=tanh');
    const choice = { hide: ['data', 'networkA'] as const, present: true, autostart: true, pace: 5 };
    const link = classroomLink(base, settings, { ...choice, hide: [...choice.hide] });
    expect(link.startsWith(`${base}?`)).toBe(true);
    const back = parseQuery(new URL(link).search);
    expect(back.problems).toEqual([]);
    expect(experimentKey(back.settings)).toBe(experimentKey(settings));
    // A set in schema order, whatever order the boxes were ticked in.
    expect(back.settings.hide).toEqual(['networkA', 'data']);
    expect(back.settings.present).toBe(true);
    expect(back.settings.autostart).toBe(true);
    expect(back.settings.pace).toBe(5);
  });

  it('is the bare address for the notebook with nothing hidden', () => {
    const { settings } = parseQuery('');
    expect(classroomLink(base, settings, choiceOf(settings))).toBe(base);
  });

  it('shows and hides parts one tick at a time', () => {
    const none = { hide: [], present: false, autostart: true, pace: 0 };
    const hidden = withPart(withPart(none, 'export', false), 'lessons', false);
    expect(hidden.hide).toEqual(['lessons', 'export']);
    expect(withPart(hidden, 'lessons', true).hide).toEqual(['export']);
  });
});

describe('pace', () => {
  it('says full speed for 0 and epochs per second otherwise', () => {
    expect(paceText(0)).toBe('full speed');
    expect(paceText(1)).toBe('1 epoch/s');
    expect(paceText(12)).toBe('12 epochs/s');
  });

  it('reaches the worker as a pace message, without preparing the run again, and survives a worker restart', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 16) as unknown as number);
    vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const sent: ToWorker[][] = [];
    const errors: ((e: ErrorEvent) => void)[] = [];
    const spawn = () => {
      const log: ToWorker[] = [];
      sent.push(log);
      const w = {
        postMessage: (m: ToWorker) => log.push(m), terminate: () => undefined,
        set onerror(f: (e: ErrorEvent) => void) { errors.push(f); }, onmessage: null, onmessageerror: null,
      };
      return w as unknown as Worker;
    };
    const client = new TrainerClient(spawn, () => undefined, parseQuery('pace=4').settings);
    expect(sent[0]).toEqual([{ type: 'init', backend: 'auto' }, { type: 'pace', epochsPerSecond: 4 }]);
    client.train();
    client.setPace(10);
    client.setPace(10);
    client.configure({ ...parseQuery('pace=4').settings, pace: 10 });
    expect(sent[0].map((m) => m.type)).toEqual(['init', 'pace', 'prepare', 'pace']);
    expect(sent[0][3]).toEqual({ type: 'pace', epochsPerSecond: 10 });
    errors[0]({ message: 'crash', preventDefault: () => undefined } as ErrorEvent);
    expect(sent[1]).toEqual([{ type: 'init', backend: 'auto' }, { type: 'pace', epochsPerSecond: 10 }]);
    client.dispose();
  });
});
