/**
 * Many seeds in the results panel: each network's test accuracy per seed as a strip of dots (A
 * squares, B circles, so they differ by more than colour), each network's mean as a tick, and the
 * mean difference B − A with its paired 95% confidence interval in words.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { NetworkId } from '../engine/model';
import { meanStd } from '../engine/stats';
import { stackLevels, stripDomain, type SeedComparison } from '../state/seeds';
import { NETWORK_LETTER } from './labels';

/**
 * Width until the box is measured. Then the strip is drawn at the box's own width (one unit = one
 * CSS pixel), so its text and dots keep their size on a phone instead of shrinking with it.
 */
const DEFAULT_WIDTH = 600;
const ROW = 44;
const LEFT = 28;
const RIGHT = 14;
const AXIS = 26;
const R = 5;
const STEPS = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2];

/** At most one tick per ~70 px, in a step from STEPS. */
function tickStep(lo: number, hi: number, width: number): number {
  const most = Math.max(2, Math.floor(width / 70));
  return STEPS.find((s) => (hi - lo) / s <= most) ?? 0.25;
}

function ticks(lo: number, hi: number, width: number): number[] {
  const step = tickStep(lo, hi, width);
  const out: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + 1e-9; t += step) out.push(Number(t.toFixed(4)));
  return out;
}

/** One seed's marker: a square for A, a circle for B. */
function Marker({ network, x, y }: { network: NetworkId; x: number; y: number }) {
  const fill = `var(--net-${network})`;
  return network === 'a'
    ? <rect className="seed-dot" x={x - R} y={y - R} width={2 * R} height={2 * R} fill={fill} stroke="var(--surface)" />
    : <circle className="seed-dot" cx={x} cy={y} r={R + 0.6} fill={fill} stroke="var(--surface)" />;
}

const points = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}`;

export interface SeedSpreadProps {
  readonly comparison: SeedComparison;
  /** The epoch the accuracies belong to while training. */
  readonly epoch: number;
  readonly sameInit: boolean;
}

/** The element's content width, followed as it changes. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(200, Math.round(entry.contentRect.width))));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export default function SeedSpread({ comparison, epoch, sameInit }: SeedSpreadProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = Math.min(useWidth(box), 640);
  const { a, b, difference, final } = comparison;
  const [lo, hi] = stripDomain([...a, ...b], 0.01);
  const x = (v: number) => LEFT + ((v - lo) / (hi - lo || 1)) * (width - LEFT - RIGHT);
  const height = 2 * ROW + AXIS;
  const decimals = tickStep(lo, hi, width) < 0.01 ? 3 : 2;
  const rows: [NetworkId, number[]][] = [['a', a], ['b', b]];
  const { low, high, mean } = difference;
  const verdict = !Number.isFinite(low)
    ? ''
    : low > 0 || high < 0
      ? ' The interval leaves out 0: over these seeds the difference is not the luck of one draw.'
      : ' The interval includes 0: these seeds cannot tell the two networks apart.';
  return (
    <div className="seed-spread" data-testid="seed-spread" ref={box}>
      <h3 className="seed-spread-title">
        Test accuracy of each of the {a.length} seeds {final ? 'after training' : `at epoch ${epoch}`}
      </h3>
      <svg viewBox={`0 0 ${width} ${height}`} className="seed-strip" role="img"
        aria-label={`Test accuracies per seed. A: ${a.map((v) => v.toFixed(3)).join(', ')}. B: ${b.map((v) => v.toFixed(3)).join(', ')}.`}>
        {ticks(lo, hi, width).map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={4} y2={2 * ROW} stroke="var(--grid)" />
            <text x={x(t)} y={2 * ROW + 16} textAnchor="middle" fontSize={12} fill="var(--muted)">{t.toFixed(decimals)}</text>
          </g>
        ))}
        {rows.map(([network, values], row) => {
          const levels = stackLevels(values, (2.2 * R * (hi - lo)) / (width - LEFT - RIGHT));
          const top = Math.max(1, ...levels);
          const lift = Math.min(2 * R + 1, (ROW - 2 * R - 8) / top);
          const base = row * ROW + ROW - R - 6;
          const m = meanStd(values).mean;
          return (
            <g key={network} data-testid={`seeds-${network}`} data-count={values.length}>
              <text x={4} y={base + 4} fontSize={13} fontWeight={600} fill={`var(--net-${network}-ink)`}>{NETWORK_LETTER[network]}</text>
              {values.map((v, i) => <Marker key={i} network={network} x={x(v)} y={base - levels[i] * lift} />)}
              <line x1={x(m)} x2={x(m)} y1={row * ROW + 4} y2={base + R + 4} stroke={`var(--net-${network})`} strokeWidth={2.5}
                strokeDasharray={network === 'a' ? '4 2' : undefined} />
            </g>
          );
        })}
      </svg>
      <p className="seed-ci" data-testid="seed-ci" data-low={low} data-high={high}>
        Mean difference B − A: <strong>{points(mean)} points</strong>
        {Number.isFinite(low) && <>, 95% confidence interval <strong>{points(low)} to {points(high)}</strong></>}
        {' '}({sameInit ? 'paired: seed k of A and of B start from the same weights' : 'paired by seed'}; the lines mark each network’s mean).
        {verdict}
      </p>
    </div>
  );
}
