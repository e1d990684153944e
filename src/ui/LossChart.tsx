/**
 * One network's train and test loss, one point per completed epoch, streaming as it trains. The x
 * axis spans every epoch of the run from the start, so the curve visibly fills it; the y axis is
 * passed in and shared with the other network's chart so the two compare at a glance.
 */
import { useMemo, type ReactNode } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { NetworkId } from '../engine/model';
import { lowestTestLoss, type LossRow } from '../state/bands';
import type { LossPoint } from '../state/curves';
import { CHART_MARGIN, LineSwatch, LossTooltip, NETWORK_STROKE, PLOT_STYLE, SPLIT_STROKE, lineStyle, useLossAxes, type SeriesKey } from './chartStyle';
import { FILL, FillSwatch, LossLines, OverfitLayer, useRechartsRows, type LineSpec } from './lossLayers';

const EPOCH = (p: LossPoint) => p.epoch;
const TRAIN_LOSS = (p: LossPoint) => p.trainLoss;
const TEST_LOSS = (p: LossPoint) => p.testLoss;

const SERIES: Record<NetworkId, SeriesKey[]> = {
  a: [{ network: 'a', split: 'test', label: SPLIT_STROKE.test.name }, { network: 'a', split: 'train', label: SPLIT_STROKE.train.name }],
  b: [{ network: 'b', split: 'test', label: SPLIT_STROKE.test.name }, { network: 'b', split: 'train', label: SPLIT_STROKE.train.name }],
};

/** The curves LossLines draws (train under test). */
const LINES: Record<NetworkId, LineSpec<LossRow>[]> = {
  a: [{ key: 'train', network: 'a', split: 'train', value: TRAIN_LOSS }, { key: 'test', network: 'a', split: 'test', value: TEST_LOSS }],
  b: [{ key: 'train', network: 'b', split: 'train', value: TRAIN_LOSS }, { key: 'test', network: 'b', split: 'test', value: TEST_LOSS }],
};

const GRID = <CartesianGrid stroke="var(--grid)" vertical={false} />;
/** Unstroked lines that give Recharts' tooltip its values once the run stops (see lineStyle). */
const TOOLTIP_LINES: Record<NetworkId, ReactNode> = {
  a: [<Line key="train" dataKey={TRAIN_LOSS} name={SPLIT_STROKE.train.name} {...lineStyle('a', 'train')} />,
    <Line key="test" dataKey={TEST_LOSS} name={SPLIT_STROKE.test.name} {...lineStyle('a', 'test')} />],
  b: [<Line key="train" dataKey={TRAIN_LOSS} name={SPLIT_STROKE.train.name} {...lineStyle('b', 'train')} />,
    <Line key="test" dataKey={TEST_LOSS} name={SPLIT_STROKE.test.name} {...lineStyle('b', 'test')} />],
};

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
  /** The run is training: its data changes every frame, and Recharts does not get it (LossLines). */
  readonly training: boolean;
}

/** How long each chart's Recharts lags behind a run starting or stopping (see useRechartsRows). */
const LAG_MS: Record<NetworkId, number> = { a: 0, b: 40 };

export function LossChart({ network, title, data, epochs, yDomain, placeholder, training }: LossChartProps) {
  const series = SERIES[network];
  const recharts = useRechartsRows(data, epochs, training, LAG_MS[network]);
  const axes = useLossAxes(epochs, yDomain);
  const tooltip = useMemo(() => (
    <Tooltip content={(props) => <LossTooltip {...props} series={series} />} isAnimationActive={false}
      cursor={{ stroke: 'var(--axis)' }} />
  ), [series]);
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
        <LineChart responsive style={PLOT_STYLE} data={recharts.rows} margin={CHART_MARGIN}>
          {GRID}
          <XAxis dataKey={EPOCH} {...axes.x} />
          <YAxis {...axes.y} />
          {tooltip}
          <OverfitLayer network={network} data={data} bands={bands} lowest={lowest} epochs={epochs} />
          <LossLines data={data} lines={LINES[network]} />
          {recharts.hasData && TOOLTIP_LINES[network]}
        </LineChart>
        {data.length === 0 && <p className="plot-placeholder">{placeholder}</p>}
      </div>
    </figure>
  );
}
