/**
 * A run's outcome in the shape the `experiment` command prints, from epoch records and final
 * metrics. Pure (types only from the engine): the page's JSON and CSV exports use it without
 * loading tfjs.
 */
import type { Member, NetworkId } from './model';
import type { Divergence, EpochRecord, FinalMetrics } from './trainer';

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
