/**
 * The run's records turned into what the charts and the results panel draw, recomputed only when
 * the records change (once per animation frame at most while training).
 */
import { useMemo, useState } from 'react';
import type { NetworkId } from '../engine/model';
import { lossRows, type LossRow } from '../state/bands';
import {
  finalAccuracy, latestAccuracy, membersOfNetwork, pairCurve, sharedLossDomain, type Accuracy, type PairPoint,
} from '../state/curves';
import type { RunView } from '../state/run';
import { compareSeeds, type SeedComparison } from '../state/seeds';

export interface RunFigures {
  /** Mean curves over seeds, with their train–test gap and ±1 sd bands. */
  readonly curves: Record<NetworkId, LossRow[]>;
  readonly pair: PairPoint[];
  /** One y-axis for every loss chart, so they compare at a glance. */
  readonly yDomain: [number, number];
  readonly final: Record<NetworkId, Accuracy | null>;
  readonly latest: Record<NetworkId, Accuracy | null>;
  /** Per-seed test accuracies and the paired difference B − A (final, or the latest epoch's). */
  readonly comparison: SeedComparison | null;
}

export function useRunFigures({ records, info, final }: Pick<RunView, 'records' | 'info' | 'final'>): RunFigures {
  const members = info?.members;
  const indices = useMemo(
    () => ({ a: membersOfNetwork(members ?? [], 'a'), b: membersOfNetwork(members ?? [], 'b') }),
    [members],
  );
  const curves = useMemo(
    () => ({ a: lossRows(records, indices.a), b: lossRows(records, indices.b) }),
    [records, indices],
  );
  // Between runs (no epochs yet) the y axis keeps the last run's range rather than jumping to
  // [0, 1] and back: a run with the same settings then starts on the axes it ends on.
  const domain = useMemo(() => sharedLossDomain([curves.a, curves.b]), [curves]);
  const empty = curves.a.length === 0 && curves.b.length === 0;
  const [kept, setKept] = useState(domain);
  if (!empty && (kept[0] !== domain[0] || kept[1] !== domain[1])) setKept(domain);
  const yDomain = empty ? kept : domain;
  return useMemo(
    () => ({
      curves,
      pair: pairCurve(curves.a, curves.b),
      yDomain,
      final: {
        a: final ? finalAccuracy(final, indices.a) : null,
        b: final ? finalAccuracy(final, indices.b) : null,
      },
      latest: { a: latestAccuracy(records, indices.a), b: latestAccuracy(records, indices.b) },
      comparison: compareSeeds(members ?? [], final, records),
    }),
    [curves, yDomain, final, records, indices, members],
  );
}
