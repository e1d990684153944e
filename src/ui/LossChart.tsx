/**
 * One network's train and test loss, one point per completed epoch, streaming as it trains. The x
 * axis spans every epoch of the run from the start, so the curve visibly fills it; the y axis is
 * passed in and shared with the other network's chart so the two compare at a glance.
 */
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { NetworkId } from '../engine/model';
import type { LossPoint } from '../state/curves';
import { CHART_MARGIN, epochAxis, lossAxis, LineSwatch, LossTooltip, SPLIT_STROKE, lineStyle, type SeriesKey } from './chartStyle';

const EPOCH = (p: LossPoint) => p.epoch;
const TRAIN_LOSS = (p: LossPoint) => p.trainLoss;
const TEST_LOSS = (p: LossPoint) => p.testLoss;

const seriesOf = (network: NetworkId): SeriesKey[] => [
  { network, split: 'test', label: SPLIT_STROKE.test.name },
  { network, split: 'train', label: SPLIT_STROKE.train.name },
];

export interface LossChartProps {
  readonly network: NetworkId;
  readonly title: string;
  readonly data: readonly LossPoint[];
  /** Epochs in the whole run: the x axis's extent. */
  readonly epochs: number;
  readonly yDomain: readonly [number, number];
  /** Shown over the empty plot before the first epoch. */
  readonly placeholder: string;
}

export function LossChart({ network, title, data, epochs, yDomain, placeholder }: LossChartProps) {
  const series = seriesOf(network);
  return (
    <figure className={`chart chart-${network}`} data-testid={`chart-${network}`} data-epochs={data.length}>
      <figcaption className="chart-head">
        <h3 className={`net-title net-${network}`}>{title}</h3>
        <span className="chart-sub">loss per epoch, lower is better</span>
        <span className="chart-legend">
          {series.map((s) => (
            <span key={s.split} className="legend-item">
              <LineSwatch network={network} split={s.split} /> {s.label}
            </span>
          ))}
        </span>
      </figcaption>
      <div className="plot">
        <LineChart responsive style={{ width: '100%', height: '100%' }} data={data as LossPoint[]} margin={CHART_MARGIN}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey={EPOCH} {...epochAxis(epochs)} />
          <YAxis {...lossAxis(yDomain)} />
          <Tooltip content={(props) => <LossTooltip {...props} series={series} />} isAnimationActive={false}
            cursor={{ stroke: 'var(--axis)' }} />
          <Line dataKey={TRAIN_LOSS} name={SPLIT_STROKE.train.name} {...lineStyle(network, 'train')} />
          <Line dataKey={TEST_LOSS} name={SPLIT_STROKE.test.name} {...lineStyle(network, 'test')} />
        </LineChart>
        {data.length === 0 && <p className="plot-placeholder">{placeholder}</p>}
      </div>
    </figure>
  );
}
