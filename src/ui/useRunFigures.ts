/**
 * The run's records turned into what the charts and the results panel draw, recomputed only when
 * the records change (once per animation frame at most while training).
 */
import { useMemo } from 'react';
import type { NetworkId } from '../engine/model';
import {
  finalAccuracy, latestAccuracy, lossCurve, membersOfNetwork, pairCurve, sharedLossDomain,
  type Accuracy, type LossPoint, type PairPoint,
} from '../state/curves';
import type { RunView } from '../state/run';

export interface RunFigures {
  readonly curves: Record<NetworkId, LossPoint[]>;
  readonly pair: PairPoint[];
  /** One y-axis for every loss chart, so they compare at a glance. */
  readonly yDomain: [number, number];
  readonly final: Record<NetworkId, Accuracy | null>;
  readonly latest: Record<NetworkId, Accuracy | null>;
}

export function useRunFigures({ records, info, final }: Pick<RunView, 'records' | 'info' | 'final'>): RunFigures {
  const members = info?.members;
  const indices = useMemo(
    () => ({ a: membersOfNetwork(members ?? [], 'a'), b: membersOfNetwork(members ?? [], 'b') }),
    [members],
  );
  const curves = useMemo(
    () => ({ a: lossCurve(records, indices.a), b: lossCurve(records, indices.b) }),
    [records, indices],
  );
  return useMemo(
    () => ({
      curves,
      pair: pairCurve(curves.a, curves.b),
      yDomain: sharedLossDomain([curves.a, curves.b]),
      final: {
        a: final ? finalAccuracy(final, indices.a) : null,
        b: final ? finalAccuracy(final, indices.b) : null,
      },
      latest: { a: latestAccuracy(records, indices.a), b: latestAccuracy(records, indices.b) },
    }),
    [curves, final, records, indices],
  );
}
