/**
 * Settings -> members and a training spec, and a complete headless run (the `experiment` command and
 * the tests use it; the worker drives a Trainer itself to stream records).
 */
import type { Settings } from '../state/schema';
import type { PreparedData } from '../data/fromSettings';
import { layerSizes } from './init';
import type { Member, NetworkId } from './model';
import { Trainer, type Divergence, type EpochRecord, type FinalMetrics, type TrainSpec } from './trainer';

export const NETWORKS: readonly NetworkId[] = ['a', 'b'];

/**
 * Every seed of network A, then every seed of network B. Seed s of A uses initSeed + s; B uses the
 * same seed (sameInit, the default: the activation is the only difference) or initSeed + s + 1.
 */
export function membersOf(s: Settings): Member[] {
  return NETWORKS.flatMap((network) =>
    Array.from({ length: s.seeds }, (_, k) => ({
      network,
      initSeed: s.initSeed + k + (network === 'b' && !s.sameInit ? 1 : 0),
      activation: network === 'a' ? s.actA : s.actB,
      dropout: network === 'a' ? s.dropA : s.dropB,
    })),
  );
}

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

/** One member's curves and final figures, in the shape the `experiment` command prints. */
export interface NetworkResult {
  readonly id: NetworkId;
  readonly activation: string;
  readonly dropout: number;
  readonly initSeed: number;
  readonly trainLoss: number[];
  readonly testLoss: number[];
  readonly trainAccuracy: number[];
  readonly testAccuracy: number[];
  readonly finalTrainAccuracy: number;
  readonly finalTestAccuracy: number;
}

export interface RunOutcome {
  readonly members: Member[];
  readonly results: NetworkResult[];
  readonly diverged: Divergence | null;
}

/** Collect per-member curves from epoch records. */
export function curvesOf(records: readonly EpochRecord[], m: number) {
  return {
    trainLoss: records.map((r) => r.trainLoss[m]),
    testLoss: records.map((r) => r.testLoss[m]),
    trainAccuracy: records.map((r) => r.trainAccuracy[m]),
    testAccuracy: records.map((r) => r.testAccuracy[m]),
  };
}

export function resultsOf(members: readonly Member[], records: readonly EpochRecord[], final: FinalMetrics): NetworkResult[] {
  return members.map((mem, m) => ({
    id: mem.network,
    activation: mem.activation,
    dropout: mem.dropout,
    initSeed: mem.initSeed,
    ...curvesOf(records, m),
    finalTrainAccuracy: final.trainAccuracy[m],
    finalTestAccuracy: final.testAccuracy[m],
  }));
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
