/**
 * One network's train and test loss, one point per completed epoch, streaming as it trains. The x
 * axis spans every epoch of the run from the start, so the curve visibly fills it; the y axis is
 * passed in and shared with the other network's chart so the two compare at a glance.
 */
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { NetworkId } from '../engine/model';
import { lowestTestLoss, type LossRow } from '../state/bands';
import type { LossPoint } from '../state/curves';
import { CHART_MARGIN, epochAxis, lossAxis, LineSwatch, LossTooltip, NETWORK_STROKE, SPLIT_STROKE, lineStyle, type SeriesKey } from './chartStyle';
import { FILL, FillSwatch, OverfitLayer } from './lossLayers';

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
  /** Mean curves over seeds, with the train–test gap and (several seeds) ±1 sd bands. */
  readonly data: readonly LossRow[];
  /** Epochs in the whole run: the x axis's extent. */
  readonly epochs: number;
  readonly yDomain: readonly [number, number];
  /** Shown over the empty plot before the first epoch. */
  readonly placeholder: string;
}

export function LossChart({ network, title, data, epochs, yDomain, placeholder }: LossChartProps) {
  const series = seriesOf(network);
  const bands = data.length > 0 && data[0].testBand !== null;
  const lowest = lowestTestLoss(data);
  return (
    <figure className={`chart chart-${network}`} data-testid={`chart-${network}`} data-epochs={data.length}
      data-lowest-epoch={lowest?.epoch} data-bands={bands}>
      <figcaption className="chart-head">
        <h3 className={`net-title net-${network}`}>{title}</h3>
        <span className="chart-sub">loss per epoch, lower is better</span>
        <span className="chart-legend">
          {series.map((s) => (
            <span key={s.split} className="legend-item">
              <LineSwatch network={network} split={s.split} /> {s.label}
            </span>
          ))}
          <span className="legend-item"><FillSwatch {...FILL.gap} /> gap</span>
          {bands && (
            <span className="legend-item">
              <FillSwatch color={NETWORK_STROKE[network].color} opacity={FILL.band.opacity} /> ±1 sd over seeds
            </span>
          )}
        </span>
      </figcaption>
      <div className="plot">
        <LineChart responsive style={{ width: '100%', height: '100%' }} data={data as LossRow[]} margin={CHART_MARGIN}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis dataKey={EPOCH} {...epochAxis(epochs)} />
          <YAxis {...lossAxis(yDomain)} />
          <Tooltip content={(props) => <LossTooltip {...props} series={series} />} isAnimationActive={false}
            cursor={{ stroke: 'var(--axis)' }} />
          <OverfitLayer network={network} data={data} bands={bands} lowest={lowest} epochs={epochs} />
          <Line dataKey={TRAIN_LOSS} name={SPLIT_STROKE.train.name} {...lineStyle(network, 'train')} />
          <Line dataKey={TEST_LOSS} name={SPLIT_STROKE.test.name} {...lineStyle(network, 'test')} />
        </LineChart>
        {data.length === 0 && <p className="plot-placeholder">{placeholder}</p>}
      </div>
    </figure>
  );
}
