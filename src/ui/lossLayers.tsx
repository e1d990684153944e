/**
 * What a network's loss chart draws besides its two lines: the gap between train and test loss
 * (shaded, so overfitting shows as a widening wedge), with several seeds a ±1 standard deviation
 * band around each mean line, and a marker at the epoch of lowest test loss (training past it
 * makes the network worse on new data).
 *
 * Drawn as plain SVG through the chart's own scales (Recharts 3 renders custom children and
 * exposes its scales as hooks): Recharts' Area and Reference components would add ~5 KB gzip to
 * the first load for three polygons and a line.
 */
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { NetworkId } from '../engine/model';
import type { LossRow, Range } from '../state/bands';
import type { LossPoint } from '../state/curves';
import { NETWORK_STROKE, SPLIT_STROKE, type Split } from './chartStyle';

/** Fills, as the legend swatches and the chart use them. */
export const FILL = {
  gap: { color: 'var(--gap-fill)', opacity: 1 },
  band: { opacity: 0.2 },
} as const;

type Scale = (value: unknown) => number | undefined;

/** A closed polygon along the highs, back along the lows; rows without a range break it up. */
function rangePath(rows: readonly LossRow[], pick: (r: LossRow) => Range, x: Scale, y: Scale): string {
  const parts: string[] = [];
  let run: { px: number; lo: number; hi: number }[] = [];
  const flush = () => {
    if (run.length > 1) {
      const top = run.map((p) => `${p.px},${p.hi}`);
      const bottom = run.map((p) => `${p.px},${p.lo}`).reverse();
      parts.push(`M${top.join('L')}L${bottom.join('L')}Z`);
    }
    run = [];
  };
  for (const r of rows) {
    const range = pick(r);
    const px = x(r.epoch);
    const lo = range ? y(range[0]) : undefined;
    const hi = range ? y(range[1]) : undefined;
    if (px === undefined || lo === undefined || hi === undefined || !Number.isFinite(lo + hi)) flush();
    else run.push({ px, lo, hi });
  }
  flush();
  return parts.join('');
}

export interface OverfitLayerProps {
  readonly network: NetworkId;
  readonly data: readonly LossRow[];
  readonly bands: boolean;
  readonly lowest: LossPoint | null;
  readonly epochs: number;
}

type PlotArea = NonNullable<ReturnType<typeof usePlotArea>>;

/**
 * A layer drawn through the chart's own scales (Recharts 3 exposes them as hooks), clipped to its
 * plot area; nothing until Recharts has laid them out.
 */
function PlotLayer({ className, draw }: { className: string; draw: (x: Scale, y: Scale, plot: PlotArea) => ReactNode }) {
  const clip = useId();
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  if (!x || !y || !plot) return null;
  return (
    <g className={className} pointerEvents="none">
      <clipPath id={clip}>
        <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} />
      </clipPath>
      <g clipPath={`url(#${clip})`}>{draw(x, y, plot)}</g>
    </g>
  );
}

/** The shaded gap, the bands and the lowest-test-loss marker, clipped to the plot. */
export function OverfitLayer({ network, data, bands, lowest, epochs }: OverfitLayerProps) {
  if (data.length === 0) return null;
  const color = NETWORK_STROKE[network].color;
  // The label goes on whichever side of the marker has room.
  const left = lowest !== null && lowest.epoch > epochs * 0.55;
  return (
    <PlotLayer className="overfit-layer" draw={(x, y, plot) => {
      const lx = lowest ? x(lowest.epoch) : undefined;
      const ly = lowest ? y(lowest.testLoss) : undefined;
      return (
        <>
          <path d={rangePath(data, (r) => r.gap, x, y)} fill={FILL.gap.color} fillOpacity={FILL.gap.opacity} />
          {bands && (
            <>
              <path d={rangePath(data, (r) => r.trainBand, x, y)} fill={color} fillOpacity={FILL.band.opacity * 0.6} />
              <path d={rangePath(data, (r) => r.testBand, x, y)} fill={color} fillOpacity={FILL.band.opacity} />
            </>
          )}
          {lx !== undefined && ly !== undefined && (
            <>
              <line x1={lx} x2={lx} y1={plot.y} y2={plot.y + plot.height} stroke="var(--muted)" strokeDasharray="2 3" />
              <circle cx={lx} cy={ly} r={4.5} fill={color} stroke="var(--surface)" strokeWidth={1.5} />
              <text x={lx + (left ? -5 : 5)} y={plot.y + 12} textAnchor={left ? 'end' : 'start'} fontSize={12}
                fill="var(--text)" className="lowest-label">
                lowest test loss, epoch {lowest?.epoch}
              </text>
            </>
          )}
        </>
      );
    }} />
  );
}

/** A small filled square for legends. */
export function FillSwatch({ color, opacity }: { color: string; opacity: number }) {
  return (
    <svg className="swatch" width="14" height="10" aria-hidden="true">
      <rect x="0.5" y="0.5" width="13" height="9" rx="2" fill={color} fillOpacity={opacity} />
    </svg>
  );
}

/** One line of a chart: which network and split (its style), and its value at each row. */
export interface LineSpec<T> {
  readonly key: string;
  readonly network: NetworkId;
  readonly split: Split;
  readonly value: (row: T) => number;
}

/** "M x,y L x,y …" through the finite values, broken where a value is missing. */
function linePath<T>(rows: readonly T[], epoch: (row: T) => number, value: (row: T) => number, x: Scale, y: Scale): string {
  let d = '';
  let open = false;
  for (const r of rows) {
    const v = value(r);
    const px = Number.isFinite(v) ? x(epoch(r)) : undefined;
    const py = px === undefined ? undefined : y(v);
    if (px === undefined || py === undefined || !Number.isFinite(px + py)) {
      open = false;
      continue;
    }
    d += `${open ? 'L' : 'M'}${px},${py}`;
    open = true;
  }
  return d;
}

/**
 * The loss curves, drawn straight through the chart's scales: a chunk of epochs redraws a few
 * paths, not the whole chart. Handing Recharts new data every frame made it recompute its axes,
 * tooltip and items synchronously (50–90 ms tasks for three charts here, docs/performance.md), so
 * while a run trains Recharts keeps fixed rows (axisRows); once it stops, Recharts gets the data
 * for its tooltip and hover dots, through <Line>s it does not stroke (chartStyle's lineStyle).
 */
export function LossLines<T extends { readonly epoch: number }>({ data, lines }: { data: readonly T[]; lines: readonly LineSpec<T>[] }) {
  if (data.length === 0) return null;
  const epoch = (r: T) => r.epoch;
  return (
    <PlotLayer className="loss-lines" draw={(x, y) => lines.map((l) => (
      <path key={l.key} className="loss-line" data-network={l.network} data-split={l.split}
        d={linePath(data, epoch, l.value, x, y)} fill="none" stroke={NETWORK_STROKE[l.network].color}
        strokeDasharray={NETWORK_STROKE[l.network].dash} strokeWidth={SPLIT_STROKE[l.split].width}
        strokeOpacity={SPLIT_STROKE[l.split].opacity} />
    ))} />
  );
}

/** Every array axisRows made: not a run's data. */
const AXIS_ROWS = new WeakSet<object>();

/**
 * Recharts' rows while the run trains (or has no epochs yet): just the ends of the x axis, the same
 * rows every frame, so it draws the axes and scales once (with no rows it would draw no x axis)
 * and LossLines the curves.
 */
function axisRows<T extends { readonly epoch: number }>(epochs: number): T[] {
  const rows = [{ epoch: 0 }, { epoch: Math.max(epochs, 1) }] as unknown as T[];
  AXIS_ROWS.add(rows);
  return rows;
}

/**
 * The rows a chart gives Recharts: the fixed `axisRows` while the run trains or has no epochs
 * (they never change, so neither does Recharts), the run's data once it stops. A change reaches
 * Recharts `lagMs` after it happens, and each chart lags by a different time, so their Recharts
 * renders (~20 ms each here) fall in separate tasks when a run starts or ends, not in one.
 * Meanwhile LossLines draws the data as it is.
 */
export function useRechartsRows<T extends { readonly epoch: number }>(data: readonly T[], epochs: number, training: boolean,
  lagMs: number): { rows: T[]; hasData: boolean } {
  const frame = useMemo(() => axisRows<T>(epochs), [epochs]);
  const target = training || data.length === 0 ? frame : (data as T[]);
  const [shown, setShown] = useState(target);
  useEffect(() => {
    if (shown === target) return;
    const id = setTimeout(() => setShown(target), lagMs);
    return () => clearTimeout(id);
  }, [target, shown, lagMs]);
  return { rows: shown, hasData: !AXIS_ROWS.has(shown) };
}
