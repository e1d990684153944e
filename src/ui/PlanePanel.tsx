/**
 * One network's view of the test set in two dimensions: every test point (class by colour and
 * shape), the ones this network gets wrong ringed, and for two-feature data its decision regions
 * underneath, redrawn from each snapshot while it trains.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { NetworkId } from '../engine/model';
import type { NetworkSnapshot, PlaneView } from '../engine/snapshot';
import { GRID } from '../engine/snapshot';
import { count, mistakes, plotHeight, pointsExtent } from '../state/plane';
import { formatCount } from '../state/inside';
import { drawPoints, drawRegions, palette } from './planeDraw';

/** Canvas pixels across; CSS scales the canvas to its box, keeping the aspect ratio. */
const WIDTH = 480;

function axisLabels(view: PlaneView): [string, string] {
  if (view.axes === 'features' || !view.explained) return ['feature 1', 'feature 2'];
  const pct = (x: number) => `${Math.round(x * 100)}% of variance`;
  return [`PC1 (${pct(view.explained[0])})`, `PC2 (${pct(view.explained[1])})`];
}

export interface PlanePanelProps {
  readonly network: NetworkId;
  readonly title: string;
  readonly view: PlaneView;
  /** This network's latest snapshot; null until the first one arrives. */
  readonly net: NetworkSnapshot | null;
  /** Epochs completed when the snapshot was taken. */
  readonly epoch: number | null;
}

export function PlanePanel({ network, title, view, net, epoch }: PlanePanelProps) {
  const regionsRef = useRef<HTMLCanvasElement>(null);
  const pointsRef = useRef<HTMLCanvasElement>(null);
  const extent = useMemo(() => view.extent ?? pointsExtent(view.points), [view]);
  const height = plotHeight(extent, WIDTH);
  const probabilities = net && net.testProbabilities.length === view.labels.length ? net.testProbabilities : null;
  const wrong = useMemo(() => (probabilities ? mistakes(probabilities, view.labels) : null), [probabilities, view.labels]);
  const grid = net?.grid ?? null;

  useEffect(() => {
    const canvas = regionsRef.current;
    if (canvas && grid) drawRegions(canvas, grid, GRID, palette(canvas, network), network === 'a');
  }, [grid, network, height]);

  useEffect(() => {
    const canvas = pointsRef.current;
    if (canvas) drawPoints(canvas, view.points, view.labels, wrong, extent, palette(canvas, network));
  }, [view, wrong, extent, network, height]);

  const [xLabel, yLabel] = axisLabels(view);
  const n = view.labels.length;
  const nWrong = wrong ? count(wrong) : null;
  return (
    <figure className={`plane plane-${network}`} data-testid={`plane-${network}`} data-epoch={epoch ?? undefined}
      data-mistakes={nWrong ?? undefined}>
      <figcaption>
        <h4 className={`net-title net-${network}`}>{title}</h4>
        <span className="plane-sub">
          {nWrong === null
            ? `${formatCount(n)} test points`
            : `${formatCount(nWrong)} of ${formatCount(n)} test points wrong (${((100 * nWrong) / n).toFixed(1)}%), epoch ${epoch}`}
        </span>
      </figcaption>
      <div className="plane-frame">
        <span className="plane-y">{yLabel}</span>
        <div className="plane-canvases" style={{ aspectRatio: `${WIDTH} / ${height}` }}>
          {grid && (
            <canvas ref={regionsRef} width={WIDTH} height={height} data-testid={`regions-${network}`}
              aria-hidden="true" />
          )}
          <canvas ref={pointsRef} width={WIDTH} height={height} role="img"
            aria-label={`${title}: the test set${nWrong === null ? '' : `, ${nWrong} of ${n} points misclassified and ringed`}${grid ? ', over its decision regions' : ''}.`} />
        </div>
        <span className="plane-x">{xLabel}</span>
      </div>
    </figure>
  );
}
