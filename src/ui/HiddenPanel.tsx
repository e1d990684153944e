/**
 * One network's first hidden layer: the distribution of what its units output over the training
 * set (a small histogram) and, for ReLU, how many units are dead (zero on every training point).
 */
import type { NetworkId } from '../engine/model';
import type { NetworkSnapshot } from '../engine/snapshot';
import { deadUnitsText, histogramBars } from '../state/inside';
import type { Activation } from '../state/schema';
import { ACTIVATION_LABEL } from './labels';

const W = 320;
const H = 80;

const tick = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toPrecision(2)).toString());

export interface HiddenPanelProps {
  readonly network: NetworkId;
  readonly title: string;
  readonly activation: Activation;
  readonly net: NetworkSnapshot | null;
}

export function HiddenPanel({ network, title, activation, net }: HiddenPanelProps) {
  const hidden = net?.hidden ?? null;
  const bars = hidden ? histogramBars(hidden) : [];
  const top = Math.max(1e-12, ...bars.map((b) => b.share));
  const lo = bars.length ? bars[0].x0 : 0;
  const hi = bars.length ? bars[bars.length - 1].x1 : 1;
  const x = (v: number) => ((v - lo) / (hi - lo)) * W;
  return (
    <div className={`inside-panel hidden hidden-${network}`} data-testid={`hidden-${network}`}
      data-dead={hidden?.dead ?? undefined} data-units={hidden?.units}>
      <h4 className={`net-title net-${network}`}>{title}</h4>
      {hidden ? (
        <>
          <div className="hidden-bars">
            <svg viewBox={`0 0 ${W} ${H}`} role="img"
              aria-label={`Histogram of the first hidden layer's outputs, from ${tick(lo)} to ${tick(hi)}`}>
              {bars.map((b, i) => {
                const h = (b.share / top) * (H - 1);
                return (
                  <rect key={i} x={x(b.x0) + 0.5} width={Math.max(0.5, x(b.x1) - x(b.x0) - 1)} y={H - 1 - h} height={h}
                    fill={`var(--net-${network})`} fillOpacity={network === 'a' ? 0.75 : 0.9}>
                    <title>{`${tick(b.x0)} to ${tick(b.x1)}: ${(b.share * 100).toFixed(1)}% of outputs`}</title>
                  </rect>
                );
              })}
              <line x1={0} x2={W} y1={H - 0.5} y2={H - 0.5} stroke="var(--axis)" />
            </svg>
            <div className="hidden-ticks">
              <span>{tick(lo)}</span>
              {lo < 0 && hi > 0 && <span className="hidden-zero" style={{ left: `${(100 * x(0)) / W}%` }}>0</span>}
              <span>{tick(hi)}</span>
            </div>
          </div>
          {activation === 'relu' && <p className="hidden-note">The tall bar at 0: a unit switched off for that point.</p>}
          <p className="hidden-dead" data-testid={`dead-${network}`}>{deadUnitsText(hidden, activation, ACTIVATION_LABEL[activation])}</p>
        </>
      ) : (
        <p className="muted">Waiting for the first snapshot…</p>
      )}
    </div>
  );
}
