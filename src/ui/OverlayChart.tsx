/**
 * Both networks' curves on one chart: where the two test-loss curves part is where the activation
 * starts to matter. A is dashed and B solid (as in their own charts), so they stay apart without
 * colour.
 */
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { PairPoint } from '../state/curves';
import { CHART_MARGIN, epochAxis, lossAxis, LineSwatch, LossTooltip, lineStyle, type SeriesKey } from './chartStyle';

const EPOCH = (p: PairPoint) => p.epoch;
const A_TRAIN = (p: PairPoint) => p.aTrain;
const A_TEST = (p: PairPoint) => p.aTest;
const B_TRAIN = (p: PairPoint) => p.bTrain;
const B_TEST = (p: PairPoint) => p.bTest;

export interface OverlayChartProps {
  readonly data: readonly PairPoint[];
  readonly epochs: number;
  readonly yDomain: readonly [number, number];
  /** Short names of the networks, e.g. "A · no activation". */
  readonly names: { readonly a: string; readonly b: string };
}

export function OverlayChart({ data, epochs, yDomain, names }: OverlayChartProps) {
  const series: SeriesKey[] = [
    { network: 'a', split: 'test', label: `${names.a}: test` },
    { network: 'b', split: 'test', label: `${names.b}: test` },
    { network: 'a', split: 'train', label: `${names.a}: train` },
    { network: 'b', split: 'train', label: `${names.b}: train` },
  ];
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
        <LineChart responsive style={{ width: '100%', height: '100%' }} data={data as PairPoint[]} margin={CHART_MARGIN}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey={EPOCH} {...epochAxis(epochs)} />
          <YAxis {...lossAxis(yDomain)} />
          <Tooltip content={(props) => <LossTooltip {...props} series={series} />} isAnimationActive={false}
            cursor={{ stroke: 'var(--axis)' }} />
          <Line dataKey={A_TRAIN} name={series[2].label} {...lineStyle('a', 'train')} />
          <Line dataKey={B_TRAIN} name={series[3].label} {...lineStyle('b', 'train')} />
          <Line dataKey={A_TEST} name={series[0].label} {...lineStyle('a', 'test')} />
          <Line dataKey={B_TEST} name={series[1].label} {...lineStyle('b', 'test')} />
        </LineChart>
      </div>
    </figure>
  );
}
