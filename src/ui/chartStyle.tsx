/**
 * How the loss charts draw their lines, shared by the per-network charts and the overlay so a line
 * means the same thing everywhere:
 *   colour and dash = which network (A: vermillion, dashed; B: blue, solid), so they differ by more
 *                     than hue for colour-blind readers and in greyscale print;
 *   weight          = which split (test: thick, train: thin and lighter).
 * Colours are CSS variables, so the light and dark themes each pick their own shade.
 */
import { useMemo } from 'react';
import type { TooltipContentProps } from 'recharts';
import type { NetworkId } from '../engine/model';
import { formatLoss } from './labels';

export const NETWORK_STROKE: Record<NetworkId, { readonly color: string; readonly dash: string | undefined }> = {
  a: { color: 'var(--net-a)', dash: '7 4' },
  b: { color: 'var(--net-b)', dash: undefined },
};

export type Split = 'test' | 'train';

export const SPLIT_STROKE: Record<Split, { readonly width: number; readonly opacity: number; readonly name: string }> = {
  test: { width: 2.5, opacity: 1, name: 'test loss' },
  train: { width: 1.5, opacity: 0.55, name: 'train loss' },
};

/**
 * Props for a Recharts <Line> of one network and split. The curve itself is drawn by LossLines
 * (lossLayers.tsx) with SPLIT_STROKE and NETWORK_STROKE: this line is there for the tooltip's
 * values and the hover dot, and is not stroked. No animation.
 */
export function lineStyle(network: NetworkId, split: Split) {
  const n = NETWORK_STROKE[network];
  const s = SPLIT_STROKE[split];
  return {
    type: 'linear' as const,
    stroke: 'none',
    strokeWidth: s.width,
    dot: false,
    activeDot: { r: 3, strokeWidth: 0, fill: n.color },
    // Streaming data: an animation would restart on every chunk of epochs.
    isAnimationActive: false,
  };
}

/** A short sample of a line as drawn in the charts, for legends and tooltips. */
export function LineSwatch({ network, split }: { network: NetworkId; split: Split }) {
  const n = NETWORK_STROKE[network];
  const s = SPLIT_STROKE[split];
  return (
    <svg className="swatch" width="26" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="25" y2="5" stroke={n.color} strokeWidth={s.width} strokeOpacity={s.opacity}
        strokeDasharray={n.dash} />
    </svg>
  );
}

/** Tooltip rows: which network and split each value belongs to, read from the line's id. */
export interface SeriesKey {
  readonly network: NetworkId;
  readonly split: Split;
  readonly label: string;
}

/** Hover text: the epoch and each line's loss, with the line's own swatch. */
export function LossTooltip({ active, payload, label, series }: TooltipContentProps & { series: readonly SeriesKey[] }) {
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="tooltip">
      <div className="tooltip-title">epoch {label}</div>
      {payload.map((entry) => {
        const key = series.find((s) => s.label === entry.name);
        const value = typeof entry.value === 'number' ? entry.value : Number(entry.value);
        return (
          <div className="tooltip-row" key={String(entry.name)}>
            {key && <LineSwatch network={key.network} split={key.split} />}
            <span>{String(entry.name)}</span>
            <span className="tooltip-value">{formatLoss(value)}</span>
          </div>
        );
      })}
    </div>
  );
}

const AXIS_TICK = { fontSize: 12, fill: 'var(--muted)' };
export const CHART_MARGIN = { top: 8, right: 14, bottom: 18, left: 0 };
/** A chart fills its plot box. */
export const PLOT_STYLE = { width: '100%', height: '100%' };

/**
 * Both axes' props, the same objects while `epochs` and the domain stay: Recharts compares props by
 * identity, and new objects every frame would make it recompute its axes.
 */
export function useLossAxes(epochs: number, domain: readonly [number, number]) {
  const [y0, y1] = domain;
  const x = useMemo(() => epochAxis(epochs), [epochs]);
  const y = useMemo(() => lossAxis([y0, y1]), [y0, y1]);
  return { x, y };
}

/** Ticks at 0 and clean steps (1, 2 or 5 × 10^k) up to the last epoch. */
export function epochTicks(epochs: number): number[] {
  const raw = epochs / 5;
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  return Array.from({ length: Math.floor(epochs / step) + 1 }, (_, i) => i * step);
}

/** The x axis: every epoch of the run from the start, so the curves visibly fill it. */
export function epochAxis(epochs: number) {
  return {
    type: 'number' as const,
    domain: [0, Math.max(epochs, 1)],
    ticks: epochTicks(Math.max(epochs, 1)),
    allowDecimals: false,
    tick: AXIS_TICK,
    stroke: 'var(--axis)',
    label: { value: 'epoch', position: 'insideBottom' as const, offset: -12, fontSize: 12, fill: 'var(--muted)' },
  };
}

/** The y axis: a fixed domain shared by every loss chart; values beyond it are clipped. */
export function lossAxis(domain: readonly [number, number]) {
  return {
    type: 'number' as const,
    domain: [domain[0], domain[1]],
    allowDataOverflow: true,
    tick: AXIS_TICK,
    stroke: 'var(--axis)',
    // "0.25", "1.5", "2": as many decimals as the tick needs, no trailing zeros.
    tickFormatter: (v: number) => String(Number(v.toFixed(3))),
    width: 40,
  };
}
