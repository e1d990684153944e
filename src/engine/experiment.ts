/**
 * Settings -> members and a training spec, and a complete headless run (the `experiment` command and
 * the tests use it; the worker drives a Trainer itself to stream records).
 */
import type { Settings } from '../state/schema';
import type { PreparedData } from '../data/fromSettings';
import { layerSizes } from './init';
import { membersOf } from './members';
import { resultsOf, type RunOutcome } from './results';
import { Trainer, type EpochRecord, type TrainSpec } from './trainer';

export function trainSpec(s: Settings, nFeatures: number): TrainSpec {
  return {
    sizes: layerSizes(nFeatures, s.hidden, s.layers),
    members: membersOf(s),
    optimizer: { name: s.optimizer, lr: s.lr, weightDecay: s.wd },
    epochs: s.epochs,
    batchSize: s.batch,
    // Mini-batch order: one generator for every member, so batching seeds changes nothing.
    shuffleSeed: s.splitSeed,
  };
}

export interface RunOptions {
  /** Called after each chunk with the number of epochs done. */
  readonly onProgress?: (epochsDone: number, epochs: number) => void;
  readonly signal?: AbortSignal;
  /** Epochs per read-back. */
  readonly chunk?: number;
}

/** Train every member of these settings to the end (or divergence) and collect the results. */
export async function runAll(s: Settings, data: PreparedData, opts: RunOptions = {}): Promise<RunOutcome> {
  const spec = trainSpec(s, data.nFeatures);
  const trainer = new Trainer(data, spec);
  try {
    const records: EpochRecord[] = [];
    while (!trainer.finished) {
      if (opts.signal?.aborted) throw new DOMException('the run was cancelled', 'AbortError');
      const chunk = await trainer.train(opts.chunk ?? 10);
      records.push(...chunk.records);
      opts.onProgress?.(trainer.epochsDone, spec.epochs);
      // Let the event loop run (a read-back on the CPU backend resolves without yielding), so a
      // cancel request such as Ctrl-C is seen between chunks.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const final = await trainer.evaluate();
    return { members: [...spec.members], results: resultsOf(spec.members, records, final), diverged: trainer.diverged };
  } finally {
    trainer.dispose();
  }
}
