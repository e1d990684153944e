/**
 * The one hook that owns the training worker. It is created in an effect and terminated in that
 * effect's cleanup, so StrictMode's mount-unmount-mount cannot leave a second worker running.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Settings } from '../state/schema';
import { INITIAL_STATE, TrainerClient, type TrainerState } from './trainerClient';

export interface TrainerCommands {
  /** Start (from idle or a finished run), or resume after a pause. */
  train(): void;
  /** Stop after the epochs under way. */
  pause(): void;
  /** Train exactly one more epoch. */
  step(): void;
  /** Back to epoch 0 with empty charts. */
  reset(): void;
}

export type Trainer = TrainerState & TrainerCommands;

// Vite bundles the worker from this exact `new Worker(new URL(...))` form.
const spawnWorker = (): Worker => new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });

let firstRunOver: () => void = () => undefined;
/**
 * Resolves once the page's first run has ended (or, on a page that opens idle, at once): what
 * can wait for the first run (the offline cache's downloads) waits for this.
 */
export const firstRunSettled = new Promise<void>((resolve) => (firstRunOver = resolve));

/**
 * Training state and commands for these settings. Changing the settings restarts a run that is
 * under way; `settings.autostart` (read once, at mount) starts training at once.
 */
export function useTrainer(settings: Settings): Trainer {
  const [state, setState] = useState<TrainerState>(INITIAL_STATE);
  const client = useRef<TrainerClient | null>(null);
  // The settings at mount: the worker is created once, not again for every change.
  const [initial] = useState(settings);

  useEffect(() => {
    const c = new TrainerClient(spawnWorker, setState, initial);
    client.current = c;
    if (initial.autostart) c.train();
    return () => {
      c.dispose();
      client.current = null;
    };
  }, [initial]);

  useEffect(() => {
    client.current?.configure(settings);
  }, [settings]);

  const waitsForRun = initial.autostart && (state.status === 'idle' || state.status === 'training');
  useEffect(() => {
    if (!waitsForRun) firstRunOver();
  }, [waitsForRun]);

  // Pace is a view setting: the client passes it to the worker without restarting the run.
  useEffect(() => {
    client.current?.setPace(settings.pace);
  }, [settings.pace]);

  const commands = useMemo<TrainerCommands>(
    () => ({
      train: () => client.current?.train(),
      pause: () => client.current?.pause(),
      step: () => client.current?.step(),
      reset: () => client.current?.reset(),
    }),
    [],
  );

  return useMemo(() => ({ ...state, ...commands }), [state, commands]);
}
