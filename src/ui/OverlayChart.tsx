/**
 * Both networks' curves on one chart: where the two test-loss curves part is where the activation
 * starts to matter. A is dashed and B solid (as in their own charts), so they stay apart without
 * colour.
 */
import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { PairPoint } from '../state/curves';
import { CHART_MARGIN, LineSwatch, LossTooltip, PLOT_STYLE, lineStyle, useLossAxes, type SeriesKey } from './chartStyle';
import { LossLines, useRechartsRows, type LineSpec } from './lossLayers';

const EPOCH = (p: PairPoint) => p.epoch;
const A_TRAIN = (p: PairPoint) => p.aTrain;
const A_TEST = (p: PairPoint) => p.aTest;
const B_TRAIN = (p: PairPoint) => p.bTrain;
const B_TEST = (p: PairPoint) => p.bTest;

/** The curves LossLines draws, trains under tests. */
const LINES: LineSpec<PairPoint>[] = [
  { key: 'aTrain', network: 'a', split: 'train', value: A_TRAIN },
  { key: 'bTrain', network: 'b', split: 'train', value: B_TRAIN },
  { key: 'aTest', network: 'a', split: 'test', value: A_TEST },
  { key: 'bTest', network: 'b', split: 'test', value: B_TEST },
];

export interface OverlayChartProps {
  readonly data: readonly PairPoint[];
  readonly epochs: number;
  readonly yDomain: readonly [number, number];
  /** Short names of the networks, e.g. "A · no activation". */
  readonly names: { readonly a: string; readonly b: string };
  /** The run is training: its data changes every frame, and Recharts does not get it (LossLines). */
  readonly training: boolean;
}

export function OverlayChart({ data, epochs, yDomain, names, training }: OverlayChartProps) {
  // Lags behind the two network charts (see useRechartsRows).
  const recharts = useRechartsRows(data, epochs, training, 80);
  const series: SeriesKey[] = useMemo(() => [
    { network: 'a', split: 'test', label: `${names.a}: test` },
    { network: 'b', split: 'test', label: `${names.b}: test` },
    { network: 'a', split: 'train', label: `${names.a}: train` },
    { network: 'b', split: 'train', label: `${names.b}: train` },
  ], [names.a, names.b]);
  const axes = useLossAxes(epochs, yDomain);
  const fixed = useMemo(() => ({
    grid: <CartesianGrid stroke="var(--grid)" vertical={false} />,
    tooltip: <Tooltip content={(props) => <LossTooltip {...props} series={series} />} isAnimationActive={false}
      cursor={{ stroke: 'var(--axis)' }} />,
    lines: [
      <Line key="aTrain" dataKey={A_TRAIN} name={series[2].label} {...lineStyle('a', 'train')} />,
      <Line key="bTrain" dataKey={B_TRAIN} name={series[3].label} {...lineStyle('b', 'train')} />,
      <Line key="aTest" dataKey={A_TEST} name={series[0].label} {...lineStyle('a', 'test')} />,
      <Line key="bTest" dataKey={B_TEST} name={series[1].label} {...lineStyle('b', 'test')} />,
    ],
  }), [series]);
  return (
    <figure className="chart chart-overlay" data-testid="chart-overlay" data-epochs={data.length}>
      <figcaption className="chart-head">
        <h3 className="net-title">Both networks on one chart</h3>
        <span className="chart-sub">where the test-loss curves part, the activation makes the difference</span>
        <span className="chart-legend">
          {series.map((s) => (
            <span key={s.label} className="legend-item">
              <LineSwatch network={s.network} split={s.split} /> {s.label}
            </span>
          ))}
        </span>
      </figcaption>
      <div className="plot plot-overlay">
        <LineChart responsive style={PLOT_STYLE} data={recharts.rows} margin={CHART_MARGIN}>
          {fixed.grid}
          <XAxis dataKey={EPOCH} {...axes.x} />
          <YAxis {...axes.y} />
          {fixed.tooltip}
          <LossLines data={data} lines={LINES} />
          {recharts.hasData && fixed.lines}
        </LineChart>
      </div>
    </figure>
  );
}
